package io.github.vapiwebhook.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.function.LongSupplier;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.util.unit.DataSize;

/**
 * Reads request bodies without trusting the sender: the buffer grows with the bytes that
 * actually arrive (the declared length only caps it), every growth is reserved in the
 * {@link BodyBudget} first, the whole body must arrive within the body timeout, and the
 * number of requests waiting on the network for body bytes at once is limited, so that
 * slow senders cannot hold every request thread of a server without virtual threads. Each
 * chunk goes to a {@link BodyObserver} as it arrives.
 */
public final class RequestBodyReader {

	private static final int INITIAL_CAPACITY = 16 * 1024;

	private static final Duration RETRY_AFTER = Duration.ofSeconds(1);

	/** Tomcat's default number of request threads, of which half may wait for bodies. */
	private static final int DEFAULT_WAITING_READS = 100;

	static final String REJECTIONS = "vapi.webhook.body.rejections";

	private static final List<String> REASONS = List.of("too_large", "timeout", "truncated", "budget", "waiting_reads");

	private final long maxBodySize;

	private final long timeoutNanos;

	private final BodyBudget budget;

	private final @Nullable Semaphore waitingReads;

	private final MeterRegistry meters;

	/** The monotonic clock of the body timeout. */
	private final LongSupplier nanoTime;

	/**
	 * Creates the reader of the webhook's configuration.
	 * @param properties the webhook properties
	 * @param virtualThreads whether the servlet container runs requests on virtual
	 * threads (then waiting reads are not limited unless configured)
	 * @param meters where rejections and the budget are measured
	 */
	public RequestBodyReader(WebhookProperties properties, boolean virtualThreads, MeterRegistry meters) {
		this(properties.maxBodySize().toBytes(), properties.body().timeout(), budget(properties, meters),
				waitingReads(properties, virtualThreads), meters, System::nanoTime);
	}

	RequestBodyReader(long maxBodySize, Duration timeout, BodyBudget budget, @Nullable Semaphore waitingReads,
			MeterRegistry meters, LongSupplier nanoTime) {
		this.nanoTime = nanoTime;
		this.maxBodySize = maxBodySize;
		this.timeoutNanos = timeout.toNanos();
		this.budget = budget;
		this.waitingReads = waitingReads;
		this.meters = meters;
		for (String reason : REASONS) {
			rejections(reason);
		}
	}

	/**
	 * Reads the body of a request to its end.
	 * @param request the request
	 * @param observer sees each chunk as it arrives
	 * @return the body, holding its room in the budget until closed
	 * @throws BodyRejectedException when the body is refused; its room is given back
	 * @throws IOException when the connection fails
	 */
	public ReceivedBody read(HttpServletRequest request, BodyObserver observer) throws IOException {
		long declared = request.getContentLengthLong();
		if (declared > this.maxBodySize) {
			rejections("too_large").increment();
			throw tooLarge();
		}
		long deadline = this.nanoTime.getAsLong() + this.timeoutNanos;
		Buffer buffer = new Buffer((declared >= 0) ? declared : this.maxBodySize + 1);
		try {
			readInto(buffer, request.getInputStream(), observer, declared, deadline);
			return buffer.toBody();
		}
		catch (BodyRejectedException ex) {
			buffer.release();
			rejections(ex.reason()).increment();
			throw ex;
		}
		catch (RuntimeException | IOException ex) {
			buffer.release();
			throw ex;
		}
	}

	private void readInto(Buffer buffer, InputStream in, BodyObserver observer, long declared, long deadline)
			throws IOException {
		while (declared < 0 || buffer.length < declared) {
			buffer.ensureRoom();
			int read;
			try {
				read = (in.available() > 0) ? buffer.readFrom(in) : readWaiting(buffer, in, deadline);
			}
			catch (IOException ex) {
				// the container's read timeout (server.connection-timeout), wrapped by
				// Tomcat
				if (causedBy(ex, SocketTimeoutException.class)) {
					throw timeout();
				}
				throw ex;
			}
			if (read < 0) {
				if (declared >= 0) {
					throw new BodyRejectedException(HttpStatus.BAD_REQUEST, "truncated",
							"Request body ended after %d of its %d declared bytes".formatted(buffer.length, declared),
							null);
				}
				return;
			}
			observer.update(buffer.bytes, buffer.length - read, read);
			if (buffer.length > this.maxBodySize) {
				throw tooLarge();
			}
			if (this.nanoTime.getAsLong() - deadline > 0 && (declared < 0 || buffer.length < declared)) {
				throw timeout();
			}
		}
	}

	/** A read that may wait for the network: it needs one of the waiting-read permits. */
	private int readWaiting(Buffer buffer, InputStream in, long deadline) throws IOException {
		if (this.nanoTime.getAsLong() - deadline > 0) {
			throw timeout();
		}
		if (this.waitingReads == null) {
			return buffer.readFrom(in);
		}
		if (!this.waitingReads.tryAcquire()) {
			throw new BodyRejectedException(HttpStatus.SERVICE_UNAVAILABLE, "waiting_reads",
					"Too many request bodies are arriving slowly; retry later", RETRY_AFTER);
		}
		try {
			return buffer.readFrom(in);
		}
		finally {
			this.waitingReads.release();
		}
	}

	private static BodyBudget budget(WebhookProperties properties, MeterRegistry meters) {
		DataSize configured = properties.body().maxInFlight();
		BodyBudget budget = new BodyBudget(
				(configured != null) ? configured.toBytes() : Runtime.getRuntime().maxMemory() / 4);
		Gauge.builder("vapi.webhook.body.in.flight", budget, BodyBudget::used)
			.description("Bytes of request bodies held in memory now")
			.baseUnit("bytes")
			.register(meters);
		Gauge.builder("vapi.webhook.body.budget", budget, BodyBudget::capacity)
			.description("The most bytes of request bodies held in memory at once")
			.baseUnit("bytes")
			.register(meters);
		return budget;
	}

	private static @Nullable Semaphore waitingReads(WebhookProperties properties, boolean virtualThreads) {
		Integer configured = properties.body().maxWaitingReads();
		if (configured != null) {
			return new Semaphore(configured);
		}
		return virtualThreads ? null : new Semaphore(DEFAULT_WAITING_READS);
	}

	private Counter rejections(String reason) {
		return Counter.builder(REJECTIONS)
			.description("Request bodies refused before they were read to the end, by reason")
			.tag("reason", reason)
			.register(this.meters);
	}

	private static boolean causedBy(Throwable ex, Class<? extends Throwable> type) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (type.isInstance(cause)) {
				return true;
			}
		}
		return false;
	}

	private BodyRejectedException tooLarge() {
		return new BodyRejectedException(HttpStatus.CONTENT_TOO_LARGE, "too_large",
				"Request body exceeds the limit of %d bytes".formatted(this.maxBodySize), null);
	}

	private BodyRejectedException timeout() {
		return new BodyRejectedException(HttpStatus.REQUEST_TIMEOUT, "timeout",
				"Request body did not arrive within %d ms".formatted(this.timeoutNanos / 1_000_000), null);
	}

	/** A growing buffer whose every byte of capacity is reserved in the budget. */
	private final class Buffer {

		private final long ceiling;

		private byte[] bytes = new byte[0];

		private int length;

		Buffer(long ceiling) {
			this.ceiling = ceiling;
		}

		void ensureRoom() {
			if (this.length < this.bytes.length) {
				return;
			}
			long wanted = Math.max(INITIAL_CAPACITY, 2L * this.bytes.length);
			int capacity = (int) Math.min(Math.min(wanted, this.ceiling), Integer.MAX_VALUE - 8);
			if (!RequestBodyReader.this.budget.tryReserve(this.bytes.length, capacity - this.bytes.length)) {
				throw new BodyRejectedException(HttpStatus.SERVICE_UNAVAILABLE, "budget",
						"The server is reading too many request bodies at once; retry later", RETRY_AFTER);
			}
			this.bytes = Arrays.copyOf(this.bytes, capacity);
		}

		int readFrom(InputStream in) throws IOException {
			int read = in.read(this.bytes, this.length, this.bytes.length - this.length);
			if (read > 0) {
				this.length += read;
			}
			return read;
		}

		ReceivedBody toBody() {
			byte[] exact = (this.length == this.bytes.length) ? this.bytes : Arrays.copyOf(this.bytes, this.length);
			return new ReceivedBody(exact, RequestBodyReader.this.budget, this.bytes.length);
		}

		void release() {
			RequestBodyReader.this.budget.release(this.bytes.length);
		}

	}

}

package io.github.vapiwebhook.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class RequestBodyReaderTests {

	private static final long MB = 1024 * 1024;

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	/** A monotonic clock the streams below move on, one second per read. */
	private final AtomicLong nanos = new AtomicLong();

	@Test
	void allocatesForTheBytesThatArriveNotForTheDeclaredLength() {
		BodyBudget budget = new BodyBudget(32 * MB);
		RequestBodyReader reader = reader(budget, null, Duration.ofSeconds(5));
		List<Long> heldWhileReading = new ArrayList<>();
		// declares 8 MB, sends 10 bytes, then the connection ends
		MockHttpServletRequest request = request(8_000_000, new Chunks(0, "{\"message\"".getBytes()));
		assertThatExceptionOfType(BodyRejectedException.class)
			.isThrownBy(() -> reader.read(request, (bytes, offset, length) -> heldWhileReading.add(budget.used())))
			.satisfies((ex) -> assertThat(ex.status()).isEqualTo(HttpStatus.BAD_REQUEST));
		assertThat(heldWhileReading).containsExactly(16L * 1024);
		assertThat(budget.used()).isZero();
	}

	@Test
	void growsTheBufferWithTheBodyAndKeepsTheExactBytes() throws IOException {
		BodyBudget budget = new BodyBudget(32 * MB);
		byte[] body = new byte[100_000];
		for (int i = 0; i < body.length; i++) {
			body[i] = (byte) i;
		}
		try (ReceivedBody received = reader(budget, null, Duration.ofSeconds(5))
			.read(request(body.length, new Chunks(0, split(body, 7000))), BodyObserver.NONE)) {
			assertThat(received.bytes()).isEqualTo(body);
			assertThat(budget.used()).isEqualTo(body.length);
		}
		assertThat(budget.used()).isZero();
	}

	@Test
	void feedsTheObserverEveryByteInOrder() throws IOException {
		byte[] body = "{\"message\":{\"type\":\"hang\"}}".getBytes();
		StringBuilder seen = new StringBuilder();
		try (ReceivedBody received = reader(new BodyBudget(MB), null, Duration.ofSeconds(5)).read(
				request(body.length, new Chunks(0, split(body, 5))),
				(bytes, offset, length) -> seen.append(new String(bytes, offset, length)))) {
			assertThat(seen).hasToString(new String(body));
		}
	}

	@Test
	void bodyThatFindsNoRoomInTheBudgetIsA503WithRetryAfter() throws IOException {
		BodyBudget budget = new BodyBudget(256 * 1024);
		RequestBodyReader reader = reader(budget, null, Duration.ofSeconds(5));
		byte[] large = new byte[150 * 1024];
		try (ReceivedBody held = reader.read(request(large.length, new Chunks(0, large)), BodyObserver.NONE)) {
			assertThatExceptionOfType(BodyRejectedException.class)
				.isThrownBy(() -> reader.read(request(large.length, new Chunks(0, large)), BodyObserver.NONE))
				.satisfies((ex) -> {
					assertThat(ex.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
					assertThat(ex.retryAfter()).isEqualTo(Duration.ofSeconds(1));
					assertThat(ex.reason()).isEqualTo("budget");
				});
			assertThat(budget.used()).isEqualTo(large.length);
		}
		assertThat(this.meters.counter(RequestBodyReader.REJECTIONS, "reason", "budget").count()).isEqualTo(1);
	}

	@Test
	void aQuarterOfTheBudgetIsKeptForBodiesOfAtMost64Kilobytes() throws IOException {
		// 256 KB in all, of which large bodies may use 192 KB
		BodyBudget budget = new BodyBudget(256 * 1024);
		RequestBodyReader reader = reader(budget, null, Duration.ofSeconds(5));
		byte[] held = new byte[150 * 1024];
		byte[] large = new byte[100 * 1024];
		byte[] small = new byte[60 * 1024];
		try (ReceivedBody first = reader.read(request(held.length, new Chunks(0, held)), BodyObserver.NONE)) {
			assertThatExceptionOfType(BodyRejectedException.class)
				.isThrownBy(() -> reader.read(request(large.length, new Chunks(0, large)), BodyObserver.NONE))
				.satisfies((ex) -> assertThat(ex.reason()).isEqualTo("budget"));
			try (ReceivedBody fits = reader.read(request(small.length, new Chunks(0, small)), BodyObserver.NONE)) {
				assertThat(fits.bytes()).hasSize(small.length);
				assertThat(budget.used()).isEqualTo(held.length + small.length).isGreaterThan(192 * 1024);
			}
		}
	}

	@Test
	void bodyThatArrivesTooSlowlyIsA408() {
		RequestBodyReader reader = reader(new BodyBudget(MB), null, Duration.ofSeconds(5));
		// one byte a second: the sixth read comes after the five seconds allowed
		byte[] body = new byte[100];
		assertThatExceptionOfType(BodyRejectedException.class)
			.isThrownBy(() -> reader.read(request(body.length, new Chunks(1, split(body, 1))), BodyObserver.NONE))
			.satisfies((ex) -> {
				assertThat(ex.status()).isEqualTo(HttpStatus.REQUEST_TIMEOUT);
				assertThat(ex.reason()).isEqualTo("timeout");
			});
		assertThat(this.nanos.get()).isLessThanOrEqualTo(Duration.ofSeconds(7).toNanos());
	}

	@Test
	void theContainersReadTimeoutIsA408Too() {
		RequestBodyReader reader = reader(new BodyBudget(MB), null, Duration.ofSeconds(5));
		MockHttpServletRequest request = request(100, new Chunks(0) {

			@Override
			public int read(byte[] buffer, int offset, int length) throws IOException {
				// as Tomcat reports it: its own exception around the socket's
				throw new IOException("client abort", new SocketTimeoutException("Read timed out"));
			}

		});
		assertThatExceptionOfType(BodyRejectedException.class).isThrownBy(() -> reader.read(request, BodyObserver.NONE))
			.satisfies((ex) -> assertThat(ex.status()).isEqualTo(HttpStatus.REQUEST_TIMEOUT));
	}

	@Test
	void aReadThatWouldWaitNeedsAPermitAndIsA503WithoutOne() throws IOException {
		byte[] body = new byte[100];
		Chunks waiting = new Chunks(0, body);
		waiting.nothingBuffered = true;
		assertThatExceptionOfType(BodyRejectedException.class)
			.isThrownBy(() -> reader(new BodyBudget(MB), new Semaphore(0), Duration.ofSeconds(5))
				.read(request(body.length, waiting), BodyObserver.NONE))
			.satisfies((ex) -> {
				assertThat(ex.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
				assertThat(ex.reason()).isEqualTo("waiting_reads");
			});
		// a body already in the container's buffer needs no permit
		try (ReceivedBody received = reader(new BodyBudget(MB), new Semaphore(0), Duration.ofSeconds(5))
			.read(request(body.length, new Chunks(0, body)), BodyObserver.NONE)) {
			assertThat(received.bytes()).hasSize(100);
		}
	}

	@Test
	void permitsAreGivenBackAfterEachWaitingRead() throws IOException {
		Semaphore permits = new Semaphore(1);
		byte[] body = new byte[100];
		Chunks waiting = new Chunks(0, split(body, 10));
		waiting.nothingBuffered = true;
		try (ReceivedBody received = reader(new BodyBudget(MB), permits, Duration.ofSeconds(5))
			.read(request(body.length, waiting), BodyObserver.NONE)) {
			assertThat(received.bytes()).hasSize(100);
		}
		assertThat(permits.availablePermits()).isEqualTo(1);
	}

	@Test
	void declaredLengthOverTheLimitIsRefusedBeforeReading() {
		Chunks untouched = new Chunks(0, new byte[10]);
		assertThatExceptionOfType(BodyRejectedException.class)
			.isThrownBy(() -> new RequestBodyReader(1024, Duration.ofSeconds(5), new BodyBudget(MB), null, this.meters,
					this.nanos::get)
				.read(request(8_000_000, untouched), BodyObserver.NONE))
			.satisfies((ex) -> assertThat(ex.status()).isEqualTo(HttpStatus.CONTENT_TOO_LARGE));
		assertThat(untouched.reads).isZero();
	}

	private RequestBodyReader reader(BodyBudget budget, @Nullable Semaphore permits, Duration timeout) {
		return new RequestBodyReader(8 * MB, timeout, budget, permits, this.meters, this.nanos::get);
	}

	private static MockHttpServletRequest request(long declared, ServletInputStream body) {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/vapi/webhook") {

			@Override
			public ServletInputStream getInputStream() {
				return body;
			}

			@Override
			public long getContentLengthLong() {
				return declared;
			}

		};
		request.setContentType("application/json");
		return request;
	}

	private static byte[][] split(byte[] body, int size) {
		List<byte[]> chunks = new ArrayList<>();
		for (int i = 0; i < body.length; i += size) {
			chunks.add(java.util.Arrays.copyOfRange(body, i, Math.min(body.length, i + size)));
		}
		return chunks.toArray(new byte[0][]);
	}

	/**
	 * A body arriving in chunks, one per read, each read moving the clock on; then the
	 * end of the stream.
	 */
	private class Chunks extends ServletInputStream {

		private final long secondsPerRead;

		private final byte[][] chunks;

		private int next;

		private int reads;

		private boolean nothingBuffered;

		Chunks(long secondsPerRead, byte[]... chunks) {
			this.secondsPerRead = secondsPerRead;
			this.chunks = chunks;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			this.reads++;
			RequestBodyReaderTests.this.nanos.addAndGet(Duration.ofSeconds(this.secondsPerRead).toNanos());
			if (this.next == this.chunks.length) {
				return -1;
			}
			byte[] chunk = this.chunks[this.next++];
			int n = Math.min(length, chunk.length);
			System.arraycopy(chunk, 0, buffer, offset, n);
			if (n < chunk.length) {
				this.chunks[--this.next] = java.util.Arrays.copyOfRange(chunk, n, chunk.length);
			}
			return n;
		}

		@Override
		public int read() throws IOException {
			byte[] one = new byte[1];
			return (read(one, 0, 1) < 0) ? -1 : one[0] & 0xff;
		}

		@Override
		public int available() {
			return (this.nothingBuffered || this.next == this.chunks.length) ? 0 : this.chunks[this.next].length;
		}

		@Override
		public boolean isFinished() {
			return this.next == this.chunks.length;
		}

		@Override
		public boolean isReady() {
			return true;
		}

		@Override
		public void setReadListener(ReadListener listener) {
			throw new UnsupportedOperationException();
		}

	}

}

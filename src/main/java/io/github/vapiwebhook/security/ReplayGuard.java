package io.github.vapiwebhook.security;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.github.vapiwebhook.webhook.ProblemResponses;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Answers an exact repeat of a signed request (the same signature, so the same timestamp
 * and body, inside the replay window) with the first answer instead of handling it again:
 * a request message gets its first reply, an event is acknowledged without reaching its
 * listeners a second time. A repeat that arrives while the first is still being answered
 * waits for that answer. Only 2xx answers are kept: after any other answer, the same
 * bytes are handled afresh, so that a Vapi retry of a refused request goes through.
 * <p>
 * A message id (the HMAC plan's {@code messageIdHeader}) may not come back with another
 * signature inside the window; such a request is refused. The ids are kept by a
 * {@link MessageIdCache} (in the database, shared by the instances on it, where there is
 * one); the first answers are kept in this instance's memory, bounded by a number of
 * entries and of stored answer bytes, the oldest going first.
 */
final class ReplayGuard {

	static final String REPLAYS = "vapi.webhook.replays";

	private static final Logger logger = LoggerFactory.getLogger(ReplayGuard.class);

	private final Clock clock;

	private final Duration keepFor;

	private final Duration waitForFirst;

	private final int maxEntries;

	private final long maxStoredBytes;

	private final LinkedHashMap<String, Entry> entries = new LinkedHashMap<>();

	private final MessageIdCache messageIds;

	private final Counter replays;

	private final ProblemResponses problems;

	private long storedBytes;

	/**
	 * Creates a guard.
	 * @param clock the clock
	 * @param tolerance the replay tolerance: a signature stays valid for at most twice it
	 * @param waitForFirst how long a repeat waits for the first answer (longer than any
	 * reply deadline)
	 * @param maxEntries the most requests remembered
	 * @param maxStoredBytes the most answer bytes kept
	 * @param messageIds the message ids seen
	 * @param meters where the replays are counted
	 * @param problems writes the answer when the first is late
	 */
	ReplayGuard(Clock clock, Duration tolerance, Duration waitForFirst, int maxEntries, long maxStoredBytes,
			MessageIdCache messageIds, MeterRegistry meters, ProblemResponses problems) {
		this.problems = problems;
		this.messageIds = messageIds;
		this.clock = clock;
		this.keepFor = tolerance.multipliedBy(2);
		this.waitForFirst = waitForFirst;
		this.maxEntries = maxEntries;
		this.maxStoredBytes = maxStoredBytes;
		this.replays = Counter.builder(REPLAYS)
			.description("Exact repeats of a signed request answered with the first answer, not handled again")
			.register(meters);
	}

	/**
	 * Handles a signed request once.
	 * @param signature the request's verified signature
	 * @param response the response
	 * @param next handles the request and writes its answer
	 * @return empty when answered (by {@code next} or with the first answer), otherwise
	 * why the request is refused
	 * @throws IOException when the answer cannot be written
	 * @throws ServletException when handling fails
	 */
	Optional<RejectionReason> handle(BodySignature signature, HttpServletResponse response, Next next)
			throws IOException, ServletException {
		String identity = signature.identity();
		while (true) {
			Admission admission = admit(identity);
			if (admission.first()) {
				return answerFirst(identity, admission.entry(), signature.messageId(), response, next);
			}
			StoredAnswer first;
			try {
				first = admission.entry().answer().get(this.waitForFirst.toMillis(), TimeUnit.MILLISECONDS);
			}
			catch (TimeoutException | InterruptedException ex) {
				if (ex instanceof InterruptedException) {
					Thread.currentThread().interrupt();
				}
				response.setHeader(HttpHeaders.RETRY_AFTER, "1");
				this.problems.write(response, HttpStatus.SERVICE_UNAVAILABLE,
						"The first delivery of this request is still being answered; retry later");
				return Optional.empty();
			}
			catch (ExecutionException ex) {
				// never completed exceptionally: a failed first delivery completes with
				// null
				throw new IllegalStateException(ex);
			}
			if (first != null) {
				this.replays.increment();
				first.writeTo(response);
				return Optional.empty();
			}
			// the first answer was not a success: this one is handled afresh
		}
	}

	private Optional<RejectionReason> answerFirst(String identity, Entry entry, @Nullable String messageId,
			HttpServletResponse response, Next next) throws IOException, ServletException {
		MessageIdCache.Sighting sighting;
		try {
			sighting = see(messageId, identity, entry);
		}
		catch (DataAccessException ex) {
			finished(identity, entry, null);
			logger.warn("Could not check the message id of a signed request", ex);
			response.setHeader(HttpHeaders.RETRY_AFTER, "1");
			this.problems.write(response, HttpStatus.SERVICE_UNAVAILABLE,
					"The message id could not be checked; retry later");
			return Optional.empty();
		}
		if (sighting == MessageIdCache.Sighting.OTHER_REQUEST) {
			finished(identity, entry, null);
			return Optional.of(RejectionReason.DUPLICATE_MESSAGE);
		}
		// only the request that recorded the id forgets it, should it not be answered 2xx
		proceed(identity, entry, (sighting == MessageIdCache.Sighting.NEW) ? messageId : null, response, next);
		return Optional.empty();
	}

	private MessageIdCache.Sighting see(@Nullable String messageId, String identity, Entry entry) {
		// outside the lock: the cache may be a database
		return (messageId != null) ? this.messageIds.see(messageId, identity, this.clock.instant(), entry.expiry())
				: MessageIdCache.Sighting.NEW;
	}

	private void proceed(String identity, Entry entry, @Nullable String recordedId, HttpServletResponse response,
			Next next) throws IOException, ServletException {
		ContentCachingResponseWrapper capture = new ContentCachingResponseWrapper(response);
		try {
			next.proceed(capture);
		}
		catch (IOException | ServletException | RuntimeException ex) {
			unanswered(identity, entry, recordedId);
			throw ex;
		}
		int status = capture.getStatus();
		if (status >= 200 && status < 300) {
			finished(identity, entry,
					new StoredAnswer(status, capture.getContentType(), capture.getContentAsByteArray()));
		}
		else {
			unanswered(identity, entry, recordedId);
		}
		capture.copyBodyToResponse();
	}

	private synchronized Admission admit(String identity) {
		Instant now = this.clock.instant();
		evict(now);
		Entry existing = this.entries.get(identity);
		if (existing != null) {
			return new Admission(existing, false);
		}
		Entry created = new Entry(now.plus(this.keepFor), new CompletableFuture<>());
		this.entries.put(identity, created);
		evict(now);
		return new Admission(created, true);
	}

	private void unanswered(String identity, Entry entry, @Nullable String messageId) {
		if (messageId != null) {
			try {
				this.messageIds.forget(messageId, identity);
			}
			catch (DataAccessException ex) {
				// the id stays until it expires: a retry signed anew is refused until
				// then
				logger.warn("Could not forget the message id of a request that was not answered 2xx", ex);
			}
		}
		// after the id is forgotten, so that a repeat waiting for this answer may record
		// it
		finished(identity, entry, null);
	}

	private synchronized void finished(String identity, Entry entry, @Nullable StoredAnswer answer) {
		if (answer == null) {
			this.entries.remove(identity, entry);
		}
		else if (this.entries.get(identity) == entry) {
			entry.stored = answer.size();
			this.storedBytes += entry.stored;
			evict(this.clock.instant());
		}
		entry.answer().complete(answer);
	}

	private void evict(Instant now) {
		Iterator<Map.Entry<String, Entry>> oldest = this.entries.entrySet().iterator();
		while (oldest.hasNext()) {
			Entry entry = oldest.next().getValue();
			boolean over = this.entries.size() > this.maxEntries || this.storedBytes > this.maxStoredBytes;
			if (!over && entry.expiry().isAfter(now)) {
				return;
			}
			this.storedBytes -= entry.stored;
			oldest.remove();
		}
	}

	synchronized int size() {
		return this.entries.size();
	}

	/** Handles the request and writes its answer. */
	@FunctionalInterface
	interface Next {

		void proceed(HttpServletResponse response) throws IOException, ServletException;

	}

	/** A request being answered or answered, and its answer once there. */
	private static final class Entry {

		private final Instant expiry;

		private final CompletableFuture<@Nullable StoredAnswer> answer;

		private long stored;

		Entry(Instant expiry, CompletableFuture<@Nullable StoredAnswer> answer) {
			this.expiry = expiry;
			this.answer = answer;
		}

		Instant expiry() {
			return this.expiry;
		}

		CompletableFuture<@Nullable StoredAnswer> answer() {
			return this.answer;
		}

	}

	private record Admission(Entry entry, boolean first) {
	}

	/**
	 * The first answer to a request, as sent.
	 *
	 * @param status the status
	 * @param contentType the content type
	 * @param body the body
	 */
	record StoredAnswer(int status, @Nullable String contentType, byte[] body) {

		long size() {
			return this.body.length + 64L;
		}

		void writeTo(HttpServletResponse response) throws IOException {
			response.setStatus(this.status);
			if (this.contentType != null) {
				response.setContentType(this.contentType);
			}
			response.setContentLength(this.body.length);
			response.getOutputStream().write(this.body);
		}

	}

}

package io.github.vapiwebhook.webhook;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;

/**
 * A request body was not read to the end: too large (413), too slow (408), ended before
 * its declared length (400), or refused for lack of room while other bodies are being
 * read (503 with {@code Retry-After}, so that a Vapi backoff plan retries it).
 */
public class BodyRejectedException extends RuntimeException {

	private final HttpStatus status;

	private final String reason;

	private final @Nullable Duration retryAfter;

	BodyRejectedException(HttpStatus status, String reason, String detail, @Nullable Duration retryAfter) {
		super(detail);
		this.status = status;
		this.reason = reason;
		this.retryAfter = retryAfter;
	}

	/**
	 * The status of the answer.
	 * @return the status
	 */
	public HttpStatus status() {
		return this.status;
	}

	/**
	 * Why the body was refused, as a metric tag ({@code too_large}, {@code timeout},
	 * {@code truncated}, {@code budget}, {@code waiting_reads}).
	 * @return the reason
	 */
	public String reason() {
		return this.reason;
	}

	/**
	 * How long the sender should wait before retrying.
	 * @return the delay, or {@code null} when a retry would not help
	 */
	public @Nullable Duration retryAfter() {
		return this.retryAfter;
	}

}

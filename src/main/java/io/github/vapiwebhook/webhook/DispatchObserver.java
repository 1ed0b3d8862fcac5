package io.github.vapiwebhook.webhook;

import java.time.Duration;

import io.github.vapiwebhook.message.ServerMessage;
import org.jspecify.annotations.Nullable;

/**
 * Told how each message was answered, for metrics. Implementations must be fast and must
 * not throw: they run on the request thread.
 */
public interface DispatchObserver {

	/**
	 * A message was answered.
	 * @param message the message
	 * @param outcome how it was answered
	 * @param elapsed how long the answer took
	 * @param deadline the deadline of the type ({@link Duration#ZERO} for messages
	 * without a reply)
	 */
	void answered(ServerMessage message, Outcome outcome, Duration elapsed, Duration deadline);

	/**
	 * A message was answered, with the reply that was sent; by default the same as
	 * {@link #answered(ServerMessage, Outcome, Duration, Duration)}. The reply must not
	 * be changed or kept.
	 * @param message the message
	 * @param reply the reply of a request message (the fallback's after a timeout or an
	 * error), {@code null} for messages without a reply
	 * @param outcome how it was answered
	 * @param elapsed how long the answer took
	 * @param deadline the deadline of the type ({@link Duration#ZERO} for messages
	 * without a reply)
	 */
	default void answered(ServerMessage message, @Nullable Object reply, Outcome outcome, Duration elapsed,
			Duration deadline) {
		answered(message, outcome, elapsed, deadline);
	}

	/**
	 * How a message was answered.
	 */
	enum Outcome {

		/** A handler (or the built-in default) answered in time. */
		HANDLED,

		/** The handler missed its deadline; the fallback reply was sent. */
		TIMEOUT,

		/** The handler threw; the fallback reply was sent. */
		ERROR,

		/** A message without a reply was acknowledged. */
		ACKNOWLEDGED

	}

}

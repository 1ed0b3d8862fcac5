package io.github.vapiwebhook.simulate;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * A message sent and what came back.
 *
 * @param message the message
 * @param status the HTTP status, or 0 when there was no answer
 * @param latency the time from sending to the end of the answer
 * @param body the answer's body, or null when there was no answer
 * @param failure why there was no answer, or null
 * @param deadline how long Vapi would have waited
 */
record Exchange(OutgoingMessage message, int status, Duration latency, @Nullable String body, @Nullable String failure,
		Duration deadline) {

}

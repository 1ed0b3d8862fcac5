package io.github.vapiwebhook.delivery;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A delivery of a kept message to a durable listener that failed, as the API shows it.
 *
 * @param id the id of its event publication, to retry it by
 * @param listener the listener ({@code class.method(parameter types)}, or the id it
 * declares)
 * @param messageType the message's type, such as {@code end-of-call-report}
 * @param callId the call the message is about, when it says
 * @param publishedAt when the message was received and kept
 * @param attempts how many times the listener was tried
 * @param lastAttemptAt when it was last tried (or resubmitted)
 * @param nextRetryAt when it is tried again, {@code null} once it has no tries left (a
 * dead letter, to be retried by hand)
 * @param lastError the exception class and the start of the message of its last failure,
 * when it was recorded (not for a delivery left unfinished by a process that died)
 * @param lastErrorAt when that failure happened
 */
public record FailedDelivery(UUID id, String listener, @Nullable String messageType, @Nullable String callId,
		Instant publishedAt, int attempts, Instant lastAttemptAt, @Nullable Instant nextRetryAt,
		@Nullable String lastError, @Nullable Instant lastErrorAt) {

}

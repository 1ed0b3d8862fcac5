package io.github.vapiwebhook.calls;

import java.math.BigDecimal;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A call in the list of {@code GET /api/calls}: its numbers, no personal data.
 *
 * @param id the call id
 * @param assistantId the saved assistant on the call
 * @param phoneNumberId the Vapi phone number of the call
 * @param status the latest status of its timeline
 * @param startedAt when the call started
 * @param endedAt when the call ended
 * @param durationSeconds how long the call lasted
 * @param endedReason why the call ended
 * @param cost the total cost in USD
 * @param createdAt when the server first stored the call (the order of the list)
 */
record CallSummary(String id, @Nullable String assistantId, @Nullable String phoneNumberId, @Nullable String status,
		@Nullable Instant startedAt, @Nullable Instant endedAt, @Nullable Double durationSeconds,
		@Nullable String endedReason, @Nullable BigDecimal cost, Instant createdAt) {
}

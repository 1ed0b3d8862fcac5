package io.github.vapiwebhook.calls;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import io.github.vapiwebhook.message.CostBreakdown;
import io.github.vapiwebhook.message.CostItem;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * One call as {@code GET /api/calls/{id}} answers it: its status timeline and what its
 * report said. The personal fields are {@code null} once the call is purged.
 *
 * @param id the call id
 * @param assistantId the saved assistant on the call
 * @param phoneNumberId the Vapi phone number of the call
 * @param customerNumber the customer's phone number
 * @param status the latest status of the timeline
 * @param statusTimeline each status once, in the order they occurred
 * @param startedAt when the call started
 * @param endedAt when the call ended
 * @param durationSeconds how long the call lasted ({@code endedAt - startedAt})
 * @param endedReason why the call ended
 * @param cost the total cost in USD
 * @param costBreakdown the cost per component
 * @param costs the report's cost items
 * @param summary the summary of the analysis
 * @param structuredData the structured data of the analysis, as Vapi sent it
 * @param successEvaluation the success evaluation of the analysis
 * @param recordings the lasting recording URLs
 * @param transcriptAvailable whether {@code /transcript} has the transcript
 * @param reportReceivedAt when the end-of-call report was first stored
 * @param createdAt when the server first stored the call
 * @param updatedAt when the call was last written
 * @param purgedAt when its personal data was purged
 */
record CallDetails(String id, @Nullable String assistantId, @Nullable String phoneNumberId,
		@Nullable String customerNumber, @Nullable String status, List<StatusChange> statusTimeline,
		@Nullable Instant startedAt, @Nullable Instant endedAt, @Nullable Double durationSeconds,
		@Nullable String endedReason, @Nullable BigDecimal cost, @Nullable CostBreakdown costBreakdown,
		List<CostItem> costs, @Nullable String summary, @Nullable JsonNode structuredData,
		@Nullable String successEvaluation, @Nullable RecordingUrls recordings, boolean transcriptAvailable,
		@Nullable Instant reportReceivedAt, Instant createdAt, Instant updatedAt, @Nullable Instant purgedAt) {

	CallDetails {
		statusTimeline = List.copyOf(statusTimeline);
		costs = List.copyOf(costs);
	}

	/**
	 * Describes this call without personal data or conversation content.
	 * @return a redacted description
	 */
	@Override
	public String toString() {
		return "CallDetails[id=" + this.id + ", status=" + this.status + ", endedReason=" + this.endedReason
				+ ", content redacted]";
	}

}

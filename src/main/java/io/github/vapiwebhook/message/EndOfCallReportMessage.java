package io.github.vapiwebhook.message;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * An {@code end-of-call-report}: the call ended and its analysis is done. Large (the
 * transcript appears several times) and full of personal data: never log it.
 *
 * @param context the fields common to all messages; {@code artifact} holds the
 * conversation
 * @param endedReason why the call ended (an open string; see Vapi's list), or
 * {@code null} when the report had none (it is then among {@link #droppedFields()})
 * @param analysis the post-call analysis
 * @param cost the total cost in USD
 * @param costs the cost per component
 * @param destination where the call was forwarded, if it was
 * @param startedAt when the call started
 * @param endedAt when the call ended
 * @param compliance recording consent details, passed through unread
 * @param summary a top-level summary seen in older payloads
 * @param transcript a top-level transcript seen in older payloads
 * @param recordingUrl a top-level recording URL seen in older payloads
 * @param durationSeconds a top-level duration seen in older payloads; prefer
 * {@link #duration()}
 */
public record EndOfCallReportMessage(MessageContext context, @Required @Nullable String endedReason, Analysis analysis,
		@Nullable BigDecimal cost, List<CostItem> costs, @Nullable Destination destination,
		@FlexibleInstant @Nullable Instant startedAt, @FlexibleInstant @Nullable Instant endedAt,
		@Nullable JsonNode compliance, @Nullable String summary, @Nullable String transcript,
		@Nullable String recordingUrl, @Nullable Double durationSeconds) implements EventMessage {

	public EndOfCallReportMessage {
		analysis = (analysis != null) ? analysis : Analysis.EMPTY;
		costs = (costs != null) ? List.copyOf(costs) : List.of();
	}

	/**
	 * How long the call lasted, computed from {@code startedAt} and {@code endedAt}
	 * (falling back to the call's own timestamps).
	 * @return the duration, or {@code null} when the times are missing
	 */
	public @Nullable Duration duration() {
		Instant start = this.startedAt;
		Instant end = this.endedAt;
		Call call = context().call();
		if (call != null) {
			start = (start != null) ? start : call.startedAt();
			end = (end != null) ? end : call.endedAt();
		}
		return (start != null && end != null) ? Duration.between(start, end) : null;
	}

	/**
	 * The transcript: from the artifact, else the older top-level field.
	 * @return the transcript, or {@code null}
	 */
	public @Nullable String fullTranscript() {
		Artifact artifact = context().artifact();
		return (artifact != null && artifact.transcript() != null) ? artifact.transcript() : this.transcript;
	}

	/**
	 * Describes this object without personal data or conversation content, which must
	 * never reach the logs.
	 * @return a redacted description
	 */
	@Override
	public String toString() {
		return "EndOfCallReportMessage[type=" + type() + ", callId=" + callId() + ", endedReason=" + this.endedReason
				+ ", cost=" + this.cost + ", content redacted]";
	}

}

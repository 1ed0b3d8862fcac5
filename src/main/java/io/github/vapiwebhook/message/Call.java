package io.github.vapiwebhook.message;

import java.math.BigDecimal;
import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * The parts of Vapi's {@code Call} object that handlers read. Status and ended reason are
 * open strings: Vapi adds new values regularly.
 *
 * @param id the call id
 * @param orgId the organisation id
 * @param type {@code inboundPhoneCall}, {@code outboundPhoneCall}, {@code webCall}, ...
 * @param status the call status ({@code queued}, {@code ringing}, {@code in-progress},
 * ...)
 * @param endedReason why the call ended, once it has
 * @param endedMessage a human-readable detail of the ended reason
 * @param createdAt when the call was created
 * @param updatedAt when the call was last updated
 * @param startedAt when the call started
 * @param endedAt when the call ended
 * @param cost the total cost in USD so far
 * @param costBreakdown the cost per component
 * @param assistantId the saved assistant on the call
 * @param squadId the saved squad on the call
 * @param workflowId the saved workflow on the call
 * @param phoneNumberId the Vapi phone number id
 * @param customerId the saved customer id
 * @param campaignId the campaign that placed the call
 * @param name the call name
 * @param phoneCallProvider the telephony provider
 * @param phoneCallProviderId the provider's id of the call (a Twilio call SID, ...)
 * @param phoneCallTransport {@code sip} or {@code pstn}
 * @param customer the customer of the call
 * @param monitor the live listen and control URLs
 */
@JsonDeserialize(using = RecordDeserializer.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Call(@Nullable String id, @Nullable String orgId, @Nullable String type, @Nullable String status,
		@Nullable String endedReason, @Nullable String endedMessage, @FlexibleInstant @Nullable Instant createdAt,
		@FlexibleInstant @Nullable Instant updatedAt, @FlexibleInstant @Nullable Instant startedAt,
		@FlexibleInstant @Nullable Instant endedAt, @Nullable BigDecimal cost, @Nullable CostBreakdown costBreakdown,
		@Nullable String assistantId, @Nullable String squadId, @Nullable String workflowId,
		@Nullable String phoneNumberId, @Nullable String customerId, @Nullable String campaignId, @Nullable String name,
		@Nullable String phoneCallProvider, @Nullable String phoneCallProviderId, @Nullable String phoneCallTransport,
		@Nullable Customer customer, @Nullable Monitor monitor) {

	/**
	 * The live-call URLs Vapi exposes for a call.
	 *
	 * @param listenUrl websocket URL to listen to the call audio
	 * @param controlUrl URL to inject messages into or end the call
	 */
	@JsonDeserialize(using = RecordDeserializer.class)
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record Monitor(@Nullable String listenUrl, @Nullable String controlUrl) {
	}

	/**
	 * Describes this object without personal data or conversation content, which must
	 * never reach the logs.
	 * @return a redacted description
	 */
	@Override
	public String toString() {
		return "Call[id=" + this.id + ", type=" + this.type + ", status=" + this.status + ", endedReason="
				+ this.endedReason + "]";
	}

}

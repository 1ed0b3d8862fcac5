package io.github.vapiwebhook.message;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * The Vapi phone number a call came in on or went out from.
 *
 * @param id the phone number id
 * @param orgId the organisation id
 * @param provider {@code twilio}, {@code vonage}, {@code vapi}, {@code telnyx} or
 * {@code byo-phone-number}
 * @param number the number in E.164
 * @param name the label given in Vapi
 * @param sipUri the SIP URI of a SIP number
 * @param assistantId the assistant attached to the number
 * @param squadId the squad attached to the number
 * @param workflowId the workflow attached to the number
 */
@JsonDeserialize(using = RecordDeserializer.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PhoneNumber(@Nullable String id, @Nullable String orgId, @Nullable String provider,
		@Nullable String number, @Nullable String name, @Nullable String sipUri, @Nullable String assistantId,
		@Nullable String squadId, @Nullable String workflowId) {

	/**
	 * Describes this object without personal data or conversation content, which must
	 * never reach the logs.
	 * @return a redacted description
	 */
	@Override
	public String toString() {
		return "PhoneNumber[id=" + this.id + ", provider=" + this.provider + ", number redacted]";
	}

}

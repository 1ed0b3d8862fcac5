package io.github.vapiwebhook.message;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * A campaign contact about to be dialled. Holds personal data: never log it.
 *
 * @param id the contact id
 * @param campaignId the campaign id
 * @param orgId the organisation id
 * @param customerId the saved customer id
 * @param number the number to dial, E.164
 * @param name the contact's name
 * @param createdAt when the contact was created
 * @param assistantOverrides overrides for the assistant, passed through unread
 */
@JsonDeserialize(using = RecordDeserializer.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CampaignContact(@Nullable String id, @Nullable String campaignId, @Nullable String orgId,
		@Nullable String customerId, @Nullable String number, @Nullable String name,
		@FlexibleInstant @Nullable Instant createdAt, @Nullable JsonNode assistantOverrides) {

	/**
	 * Describes this object without personal data or conversation content, which must
	 * never reach the logs.
	 * @return a redacted description
	 */
	@Override
	public String toString() {
		return "CampaignContact[id=" + this.id + ", campaignId=" + this.campaignId + ", personal data redacted]";
	}

}

package io.github.vapiwebhook.message;

import org.jspecify.annotations.Nullable;

/**
 * A {@code campaign.predial}: a campaign is about to dial a contact; the reply says
 * whether the contact is eligible. Anything but a boolean {@code eligible} means the
 * contact is not called.
 *
 * @param context the fields common to all messages
 * @param campaignId the campaign
 * @param contact the contact about to be dialled
 */
public record CampaignPredialMessage(MessageContext context, @Nullable String campaignId,
		@Nullable CampaignContact contact) implements RequestMessage<io.github.vapiwebhook.reply.PredialReply> {

	/**
	 * Describes this object without personal data or conversation content, which must
	 * never reach the logs.
	 * @return a redacted description
	 */
	@Override
	public String toString() {
		return "CampaignPredialMessage[type=" + type() + ", campaignId=" + this.campaignId + ", contact=" + this.contact
				+ "]";
	}

}

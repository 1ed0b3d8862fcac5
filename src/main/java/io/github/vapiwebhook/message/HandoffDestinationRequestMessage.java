package io.github.vapiwebhook.message;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A {@code handoff-destination-request}: a handoff tool with a dynamic destination fired;
 * the reply names the destination.
 *
 * @param context the fields common to all messages
 * @param parameters the handoff tool call's arguments
 */
public record HandoffDestinationRequestMessage(MessageContext context,
		@Nullable JsonNode parameters) implements RequestMessage<io.github.vapiwebhook.reply.HandoffDestinationReply> {

	/**
	 * Describes this object without personal data or conversation content, which must
	 * never reach the logs.
	 * @return a redacted description
	 */
	@Override
	public String toString() {
		return "HandoffDestinationRequestMessage[type=" + type() + ", callId=" + callId() + ", parameters redacted]";
	}

}

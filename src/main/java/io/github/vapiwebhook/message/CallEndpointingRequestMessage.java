package io.github.vapiwebhook.message;

import java.util.List;

/**
 * A {@code call.endpointing.request}: a custom endpointing model decides how long to wait
 * before the assistant speaks.
 *
 * @param context the fields common to all messages
 * @param messages the conversation in Vapi's format
 * @param messagesOpenAIFormatted the conversation in OpenAI's format
 */
public record CallEndpointingRequestMessage(MessageContext context, List<ConversationMessage> messages,
		List<OpenAiMessage> messagesOpenAIFormatted)
		implements
			RequestMessage<io.github.vapiwebhook.reply.EndpointingReply> {

	public CallEndpointingRequestMessage {
		messages = (messages != null) ? List.copyOf(messages) : List.of();
		messagesOpenAIFormatted = (messagesOpenAIFormatted != null) ? List.copyOf(messagesOpenAIFormatted) : List.of();
	}

	/**
	 * Describes this object without personal data or conversation content, which must
	 * never reach the logs.
	 * @return a redacted description
	 */
	@Override
	public String toString() {
		return "CallEndpointingRequestMessage[type=" + type() + ", callId=" + callId() + ", " + this.messages.size()
				+ " messages redacted]";
	}

}

package io.github.vapiwebhook.message;

import java.util.List;

/**
 * A {@code conversation-update}: a change was committed to the conversation history.
 *
 * @param context the fields common to all messages
 * @param messages the conversation in Vapi's format
 * @param messagesOpenAIFormatted the conversation in OpenAI's format
 */
public record ConversationUpdateMessage(MessageContext context, List<ConversationMessage> messages,
		List<OpenAiMessage> messagesOpenAIFormatted) implements EventMessage {

	public ConversationUpdateMessage {
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
		return "ConversationUpdateMessage[type=" + type() + ", callId=" + callId() + ", " + this.messages.size()
				+ " messages redacted]";
	}

}

package io.github.vapiwebhook.message;

import java.util.List;

/**
 * A {@code knowledge-base-request}: an assistant with a custom knowledge base needs
 * documents for the conversation so far.
 *
 * @param context the fields common to all messages
 * @param messages the conversation in Vapi's format
 * @param messagesOpenAIFormatted the conversation in OpenAI's format
 */
public record KnowledgeBaseRequestMessage(MessageContext context, List<ConversationMessage> messages,
		List<OpenAiMessage> messagesOpenAIFormatted)
		implements
			RequestMessage<io.github.vapiwebhook.reply.KnowledgeBaseReply> {

	public KnowledgeBaseRequestMessage {
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
		return "KnowledgeBaseRequestMessage[type=" + type() + ", callId=" + callId() + ", " + this.messages.size()
				+ " messages redacted]";
	}

}

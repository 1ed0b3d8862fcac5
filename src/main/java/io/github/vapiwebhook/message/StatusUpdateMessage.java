package io.github.vapiwebhook.message;

import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A {@code status-update}: the call's status changed. The status and the ended reason are
 * open strings; Vapi adds values regularly.
 *
 * @param context the fields common to all messages
 * @param status the new status ({@code scheduled}, {@code queued}, {@code ringing},
 * {@code in-progress}, {@code forwarding}, {@code ended}, ...), or {@code null} when the
 * update had none (it is then among {@link #droppedFields()})
 * @param endedReason why the call ended, when the status is {@code ended}
 * @param messages the conversation, when forwarding
 * @param messagesOpenAIFormatted the conversation in OpenAI's format, when forwarding
 * @param destination where the call is forwarded
 * @param transcript the transcript so far, when forwarding
 * @param summary a summary, when forwarding
 * @param inboundPhoneCallDebuggingArtifacts debugging details after an inbound-accept
 * error
 */
public record StatusUpdateMessage(MessageContext context, @Required @Nullable String status,
		@Nullable String endedReason, List<ConversationMessage> messages, List<OpenAiMessage> messagesOpenAIFormatted,
		@Nullable Destination destination, @Nullable String transcript, @Nullable String summary,
		@Nullable JsonNode inboundPhoneCallDebuggingArtifacts) implements EventMessage {

	public StatusUpdateMessage {
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
		return "StatusUpdateMessage[type=" + type() + ", callId=" + callId() + ", status=" + this.status
				+ ", endedReason=" + this.endedReason + "]";
	}

}

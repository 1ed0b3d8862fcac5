package io.github.vapiwebhook.message;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * One entry of a conversation in Vapi's format. The {@code role} tells which fields are
 * set: {@code system}, {@code bot} and {@code user} carry {@code message};
 * {@code tool_calls} carries {@code toolCalls}; {@code tool_call_result} carries
 * {@code toolCallId}, {@code name} and {@code result}.
 *
 * @param role {@code system}, {@code bot}, {@code user}, {@code tool_calls} or
 * {@code tool_call_result}
 * @param message the spoken or prompt text
 * @param time when the message started, epoch milliseconds
 * @param endTime when the message ended, epoch milliseconds
 * @param secondsFromStart offset from the start of the call
 * @param duration duration in milliseconds
 * @param source for bot messages, what produced the text
 * @param toolCalls the tool calls of a {@code tool_calls} entry
 * @param toolCallId the tool call a result belongs to
 * @param name the tool name of a result
 * @param result the tool result, passed through unread
 */
@JsonDeserialize(using = RecordDeserializer.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ConversationMessage(String role, @Nullable String message, @Nullable Double time,
		@Nullable Double endTime, @Nullable Double secondsFromStart, @Nullable Double duration, @Nullable String source,
		List<ToolCall> toolCalls, @Nullable String toolCallId, @Nullable String name, @Nullable JsonNode result) {

	public ConversationMessage {
		role = (role != null) ? role : "unknown";
		toolCalls = (toolCalls != null) ? List.copyOf(toolCalls) : List.of();
	}

	/**
	 * Describes this object without personal data or conversation content, which must
	 * never reach the logs.
	 * @return a redacted description
	 */
	@Override
	public String toString() {
		return "ConversationMessage[role=" + this.role + ", content redacted]";
	}

}

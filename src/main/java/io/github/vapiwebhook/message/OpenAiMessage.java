package io.github.vapiwebhook.message;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * One entry of a conversation in OpenAI's chat format.
 *
 * @param role {@code assistant}, {@code user}, {@code system}, {@code tool} or
 * {@code function}
 * @param content the content: a string, {@code null} for assistant messages that only
 * call tools, or an array of parts
 * @param toolCalls the tool calls of an assistant message, in OpenAI's shape
 * @param toolCallId the tool call a {@code tool} message answers
 */
@JsonDeserialize(using = RecordDeserializer.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OpenAiMessage(String role, @Nullable JsonNode content,
		@JsonProperty("tool_calls") List<JsonNode> toolCalls,
		@JsonProperty("tool_call_id") @Nullable String toolCallId) {

	public OpenAiMessage {
		role = (role != null) ? role : "unknown";
		toolCalls = (toolCalls != null) ? List.copyOf(toolCalls) : List.of();
	}

	/**
	 * The content as text.
	 * @return the content when it is a string, otherwise {@code null}
	 */
	public @Nullable String text() {
		return (this.content != null && this.content.isString()) ? this.content.asString() : null;
	}

	/**
	 * Describes this object without personal data or conversation content, which must
	 * never reach the logs.
	 * @return a redacted description
	 */
	@Override
	public String toString() {
		return "OpenAiMessage[role=" + this.role + ", content redacted]";
	}

}

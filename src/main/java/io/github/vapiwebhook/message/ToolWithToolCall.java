package io.github.vapiwebhook.message;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * A tool's configuration together with one call of it ({@code toolWithToolCallList}
 * entries).
 *
 * @param type the tool type ({@code function}, ...)
 * @param name the tool name, in the flattened shape some docs show
 * @param function the function definition (name, description, parameters schema), passed
 * through unread
 * @param async whether Vapi does not wait for the result
 * @param server the server the tool calls, passed through unread
 * @param messages the tool's configured spoken messages, passed through unread
 * @param toolCall the call
 */
@JsonDeserialize(using = RecordDeserializer.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ToolWithToolCall(@Nullable String type, @Nullable String name, @Nullable JsonNode function,
		@Nullable Boolean async, @Nullable JsonNode server, @Nullable JsonNode messages, @Nullable ToolCall toolCall) {

	/**
	 * Whether Vapi treats this tool as asynchronous and does not wait for its result.
	 * @return {@code true} for async tools
	 */
	public boolean isAsync() {
		return Boolean.TRUE.equals(this.async);
	}

}

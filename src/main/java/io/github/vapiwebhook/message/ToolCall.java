package io.github.vapiwebhook.message;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * One tool call as Vapi sends it. Vapi has used several shapes (see the protocol notes):
 * the function may be nested ({@code function.name}, {@code function.arguments} or
 * {@code function.parameters}) or flattened ({@code name}, {@code arguments} or
 * {@code parameters}), and the arguments may be an object or a JSON string.
 * {@link #toolName()} and {@link #rawArguments()} pick whichever is present.
 *
 * @param id the tool call id, echoed as {@code toolCallId} in the reply
 * @param type {@code function}
 * @param function the nested function
 * @param name the flattened function name
 * @param arguments the flattened arguments
 * @param parameters the flattened arguments, older name
 */
@JsonDeserialize(using = RecordDeserializer.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ToolCall(@Nullable String id, @Nullable String type, @Nullable Function function, @Nullable String name,
		@Nullable JsonNode arguments, @Nullable JsonNode parameters) {

	/**
	 * The called function's name, from whichever shape carries it.
	 * @return the name, or {@code null} when no shape has one
	 */
	public @Nullable String toolName() {
		if (this.function != null && this.function.name() != null) {
			return this.function.name();
		}
		return this.name;
	}

	/**
	 * The arguments as sent, from whichever shape carries them: an object, a JSON string,
	 * an empty string, or {@code null}.
	 * @return the raw arguments, or {@code null}
	 */
	public @Nullable JsonNode rawArguments() {
		if (this.function != null) {
			JsonNode nested = firstPresent(this.function.arguments(), this.function.parameters());
			if (nested != null) {
				return nested;
			}
		}
		return firstPresent(this.arguments, this.parameters);
	}

	private static @Nullable JsonNode firstPresent(@Nullable JsonNode first, @Nullable JsonNode second) {
		if (first != null && !first.isNull() && !first.isMissingNode()) {
			return first;
		}
		return (second != null && !second.isNull() && !second.isMissingNode()) ? second : null;
	}

	/**
	 * The function part of a tool call.
	 *
	 * @param name the function name
	 * @param arguments the arguments: an object or a JSON string
	 * @param parameters the arguments under their older name
	 */
	@JsonDeserialize(using = RecordDeserializer.class)
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record Function(@Nullable String name, @Nullable JsonNode arguments, @Nullable JsonNode parameters) {
	}

	/**
	 * Describes this object without personal data or conversation content, which must
	 * never reach the logs.
	 * @return a redacted description
	 */
	@Override
	public String toString() {
		return "ToolCall[id=" + this.id + ", name=" + toolName() + ", arguments redacted]";
	}

}

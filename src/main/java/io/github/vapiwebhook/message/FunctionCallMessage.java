package io.github.vapiwebhook.message;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * A legacy {@code function-call}: an assistant using {@code model.functions} called a
 * function; the reply is {@code {"result": ...}}.
 *
 * @param context the fields common to all messages
 * @param functionCall the called function
 */
public record FunctionCallMessage(MessageContext context,
		FunctionCall functionCall) implements RequestMessage<io.github.vapiwebhook.reply.FunctionCallReply> {

	public FunctionCallMessage {
		if (functionCall == null) {
			throw new InvalidMessageException("function-call has no functionCall");
		}
	}

	/**
	 * The called function of a legacy {@code function-call}.
	 *
	 * @param name the function name
	 * @param parameters the arguments: an object, or a JSON string in old docs
	 */
	@JsonDeserialize(using = RecordDeserializer.class)
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record FunctionCall(@Nullable String name, @Nullable JsonNode parameters) {

		@Override
		public String toString() {
			return "FunctionCall[name=" + this.name + ", parameters redacted]";
		}

	}

}

package io.github.vapiwebhook.message;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A {@code model-output}: the model streamed tokens or a tool call.
 *
 * @param context the fields common to all messages
 * @param output the token or tool call, in a shape Vapi does not specify
 * @param turnId the turn
 */
public record ModelOutputMessage(MessageContext context, @Nullable JsonNode output,
		@Nullable String turnId) implements EventMessage {

	/**
	 * Describes this object without personal data or conversation content, which must
	 * never reach the logs.
	 * @return a redacted description
	 */
	@Override
	public String toString() {
		return "ModelOutputMessage[type=" + type() + ", callId=" + callId() + ", output redacted]";
	}

}

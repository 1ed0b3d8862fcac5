package io.github.vapiwebhook.tools;

import io.github.vapiwebhook.message.Call;
import io.github.vapiwebhook.message.Customer;
import io.github.vapiwebhook.message.ServerMessage;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * What a tool may know about the call it serves. Declare a parameter of this type on a
 * {@link VapiTool} method to receive it instead of an argument.
 *
 * @param callId the call id, or {@code null} outside a call
 * @param toolCallId the id of this tool call
 * @param customerNumber the customer's phone number, or {@code null}; personal data,
 * never log it
 * @param assistantId the id of the saved assistant on the call, or {@code null} for a
 * transient one
 * @param message the whole message the call came in
 */
public record ToolCallContext(@Nullable String callId, String toolCallId, @Nullable String customerNumber,
		@Nullable String assistantId, ServerMessage message) {

	/**
	 * The context of one call in a message.
	 * @param message the message
	 * @param toolCallId the tool call id
	 * @return the context
	 */
	public static ToolCallContext of(ServerMessage message, String toolCallId) {
		return new ToolCallContext(message.callId(), toolCallId, customerNumber(message), assistantId(message),
				message);
	}

	private static @Nullable String customerNumber(ServerMessage message) {
		Customer customer = message.customer();
		if (customer == null && message.call() != null) {
			customer = message.call().customer();
		}
		return (customer != null) ? customer.number() : null;
	}

	private static @Nullable String assistantId(ServerMessage message) {
		Call call = message.call();
		if (call != null && call.assistantId() != null) {
			return call.assistantId();
		}
		JsonNode assistant = message.assistant();
		JsonNode id = (assistant != null) ? assistant.get("id") : null;
		return (id != null && id.isString()) ? id.asString() : null;
	}

}

package io.github.vapiwebhook.reply;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.github.vapiwebhook.message.ToolCallsMessage;

/**
 * The reply to a {@code tool-calls} message: one result per call, in request order.
 *
 * @param results the results
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ToolCallsReply(List<ToolCallResult> results) {

	public ToolCallsReply {
		results = List.copyOf(results);
	}

	/**
	 * The same error for every call of a message, in request order.
	 * @param message the message
	 * @param error the single-line error text
	 * @return the reply
	 */
	public static ToolCallsReply failedEach(ToolCallsMessage message, String error) {
		return new ToolCallsReply(message.calls()
			.stream()
			.map((call) -> ToolCallResult.failure((call.toolName() != null) ? call.toolName() : "unknown",
					(call.id() != null) ? call.id() : "", error))
			.toList());
	}

}

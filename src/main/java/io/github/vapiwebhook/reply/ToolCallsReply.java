package io.github.vapiwebhook.reply;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

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

}

package io.github.vapiwebhook.reply;

import java.util.Objects;

/**
 * The reply to a legacy {@code function-call}: {@code {"result": "..."}}.
 *
 * @param result the single-line result text
 */
public record FunctionCallReply(String result) {

	public FunctionCallReply {
		result = ToolCallResult.singleLine(Objects.requireNonNull(result, "result"));
	}

}

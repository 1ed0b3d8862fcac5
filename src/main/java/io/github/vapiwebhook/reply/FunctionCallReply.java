package io.github.vapiwebhook.reply;

/**
 * The reply to a legacy {@code function-call}: {@code {"result": "..."}}.
 *
 * @param result the single-line result text
 */
public record FunctionCallReply(String result) {

	public FunctionCallReply {
		result = result.replaceAll("\\s*[\\r\\n]+\\s*", " ");
	}

}

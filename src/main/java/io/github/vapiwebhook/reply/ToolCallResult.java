package io.github.vapiwebhook.reply;

import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.jspecify.annotations.Nullable;

/**
 * The result of one tool call: {@code name} and {@code toolCallId} echo the call, and
 * exactly one of {@code result} or {@code error} holds a single-line string.
 *
 * @param name the tool name
 * @param toolCallId the id of the call, exactly as received
 * @param result the result, on success
 * @param error the error, on failure
 * @param message a message to speak instead of letting the model answer
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ToolCallResult(String name, String toolCallId, @Nullable String result, @Nullable String error,
		@Nullable ToolMessage message) {

	private static final Pattern LINE_BREAKS = Pattern.compile("\\s*[\\r\\n]+\\s*");

	public ToolCallResult {
		if (name == null || toolCallId == null) {
			throw new IllegalArgumentException("A tool call result needs the tool's name and the toolCallId");
		}
		if ((result == null) == (error == null)) {
			throw new IllegalArgumentException("A tool call result has exactly one of result or error");
		}
		if (message != null && "request-start".equals(message.type())) {
			throw new IllegalArgumentException(
					"A tool call result's message is request-complete or request-failed, not " + message.type());
		}
		result = singleLine(result);
		error = singleLine(error);
	}

	/**
	 * A successful result.
	 * @param name the tool name
	 * @param toolCallId the call id
	 * @param result the result text (line breaks are replaced by spaces)
	 * @return the result
	 */
	public static ToolCallResult success(String name, String toolCallId, String result) {
		return new ToolCallResult(name, toolCallId, result, null, null);
	}

	/**
	 * A failed call.
	 * @param name the tool name
	 * @param toolCallId the call id
	 * @param error the error text (line breaks are replaced by spaces)
	 * @return the result
	 */
	public static ToolCallResult failure(String name, String toolCallId, String error) {
		return new ToolCallResult(name, toolCallId, null, error, null);
	}

	/**
	 * The same result with a message to speak.
	 * @param message the message
	 * @return a new result
	 */
	public ToolCallResult withMessage(ToolMessage message) {
		return new ToolCallResult(this.name, this.toolCallId, this.result, this.error, message);
	}

	static @Nullable String singleLine(@Nullable String text) {
		// most results hold no line break: no regex work for them
		if (text == null || (text.indexOf('\n') < 0 && text.indexOf('\r') < 0)) {
			return text;
		}
		return LINE_BREAKS.matcher(text).replaceAll(" ");
	}

}

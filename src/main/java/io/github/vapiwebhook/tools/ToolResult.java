package io.github.vapiwebhook.tools;

import io.github.vapiwebhook.reply.ToolMessage;
import org.jspecify.annotations.Nullable;

/**
 * What a tool answers when plain text is not enough: a result or an error, and optionally
 * a message that Vapi speaks (or gives the model as a hint) instead of letting the model
 * answer.
 *
 * @param result the result on success
 * @param error the error on failure
 * @param message the message to speak: {@code request-complete} with a result,
 * {@code request-failed} with an error
 */
public record ToolResult(@Nullable String result, @Nullable String error, @Nullable ToolMessage message) {

	public ToolResult {
		if ((result == null) == (error == null)) {
			throw new IllegalArgumentException("A tool result has exactly one of result or error");
		}
		if (message != null) {
			String expected = (result != null) ? "request-complete" : "request-failed";
			if (!message.type().equals(expected)) {
				throw new IllegalArgumentException("A " + ((result != null) ? "result" : "error") + " goes with a "
						+ expected + " message, not " + message.type());
			}
		}
	}

	/**
	 * A successful result.
	 * @param result the result text
	 * @return the result
	 */
	public static ToolResult success(String result) {
		return new ToolResult(result, null, null);
	}

	/**
	 * A failure the model should know about.
	 * @param error the error text
	 * @return the result
	 */
	public static ToolResult error(String error) {
		return new ToolResult(null, error, null);
	}

	/**
	 * The same result, with this text spoken by the assistant ({@code request-complete}
	 * for a result, {@code request-failed} for an error).
	 * @param content the text to speak, at most 1000 characters
	 * @return a new result
	 */
	public ToolResult spoken(String content) {
		return new ToolResult(this.result, this.error,
				(this.result != null) ? ToolMessage.complete(content) : ToolMessage.failed(content));
	}

	/**
	 * The same result with this message, for the system role or ending the call.
	 * @param message the message
	 * @return a new result
	 */
	public ToolResult withMessage(ToolMessage message) {
		return new ToolResult(this.result, this.error, message);
	}

}

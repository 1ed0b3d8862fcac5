package io.github.vapiwebhook.reply;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * A message spoken (role {@code assistant}) or given to the model as a hint (role
 * {@code system}) when a tool or transfer completes, fails or starts.
 *
 * @param type {@code request-complete}, {@code request-failed} or {@code request-start}
 * @param content the text, at most 1000 characters
 * @param role {@code assistant} (spoken verbatim) or {@code system}
 * @param endCallAfterSpokenEnabled whether the call ends once the message is spoken
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ToolMessage(String type, String content, @Nullable String role,
		@Nullable Boolean endCallAfterSpokenEnabled) {

	public ToolMessage {
		if (!type.equals("request-complete") && !type.equals("request-failed") && !type.equals("request-start")) {
			throw new IllegalArgumentException("Unknown tool message type " + type);
		}
		if (content.isBlank() || content.length() > 1000) {
			throw new IllegalArgumentException("A tool message has 1 to 1000 characters");
		}
		if (role != null && !role.equals("assistant") && !role.equals("system")) {
			throw new IllegalArgumentException("A tool message role is assistant or system");
		}
	}

	/**
	 * Spoken when a tool succeeded.
	 * @param content the text
	 * @return the message
	 */
	public static ToolMessage complete(String content) {
		return new ToolMessage("request-complete", content, null, null);
	}

	/**
	 * Spoken when a tool failed.
	 * @param content the text
	 * @return the message
	 */
	public static ToolMessage failed(String content) {
		return new ToolMessage("request-failed", content, null, null);
	}

	/**
	 * Spoken when a transfer starts.
	 * @param content the text
	 * @return the message
	 */
	public static ToolMessage start(String content) {
		return new ToolMessage("request-start", content, null, null);
	}

	/**
	 * The same message, given to the model as a hint instead of being spoken.
	 * @return a new message
	 */
	public ToolMessage asSystemHint() {
		return new ToolMessage(this.type, this.content, "system", this.endCallAfterSpokenEnabled);
	}

	/**
	 * The same message, ending the call once spoken.
	 * @return a new message
	 */
	public ToolMessage thenEndCall() {
		return new ToolMessage(this.type, this.content, this.role, true);
	}

}

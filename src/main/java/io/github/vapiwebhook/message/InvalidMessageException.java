package io.github.vapiwebhook.message;

/**
 * Thrown when a request body is not a readable Vapi server message: malformed JSON, no
 * {@code message} object, no {@code message.type}, or, in a request message, a field of
 * the wrong shape or a missing one that its reply needs. An event message is not refused
 * for its fields: see {@link DroppedFields}.
 */
public class InvalidMessageException extends RuntimeException {

	public InvalidMessageException(String message) {
		super(message);
	}

	public InvalidMessageException(String message, Throwable cause) {
		super(message, cause);
	}

}

package io.github.vapiwebhook.webhook;

/**
 * The inbox could not take a message (its database cannot be written): the message is not
 * acknowledged, the answer is a 503 with {@code Retry-After}, so that a Vapi backoff plan
 * retries it, and nothing is acknowledged that is not kept.
 */
public class InboxUnavailableException extends RuntimeException {

	/**
	 * Creates the exception.
	 * @param message what could not be done
	 * @param cause why
	 */
	public InboxUnavailableException(String message, Throwable cause) {
		super(message, cause);
	}

}

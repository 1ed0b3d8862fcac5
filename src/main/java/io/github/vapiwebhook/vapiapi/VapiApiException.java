package io.github.vapiwebhook.vapiapi;

/**
 * A call to Vapi's API failed: the message says what was wrong (a rejected key, an
 * unknown id, Vapi's own validation message, an unreachable API). It never contains the
 * API key.
 */
public class VapiApiException extends RuntimeException {

	private final int status;

	VapiApiException(String message, int status) {
		super(message);
		this.status = status;
	}

	VapiApiException(String message, Throwable cause) {
		super(message, cause);
		this.status = 0;
	}

	/**
	 * The HTTP status Vapi answered.
	 * @return the status, or 0 when no answer arrived
	 */
	public int status() {
		return this.status;
	}

}

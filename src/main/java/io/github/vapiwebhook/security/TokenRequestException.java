package io.github.vapiwebhook.security;

/**
 * A token request that is refused, with its RFC 6749 error code.
 */
final class TokenRequestException extends RuntimeException {

	private final int status;

	private final String error;

	TokenRequestException(int status, String error) {
		super(error, null, false, false);
		this.status = status;
		this.error = error;
	}

	static TokenRequestException invalidRequest() {
		return new TokenRequestException(400, "invalid_request");
	}

	static TokenRequestException invalidClient() {
		return new TokenRequestException(401, "invalid_client");
	}

	int status() {
		return this.status;
	}

	String error() {
		return this.error;
	}

}

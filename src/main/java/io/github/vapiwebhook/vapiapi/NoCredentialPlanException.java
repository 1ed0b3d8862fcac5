package io.github.vapiwebhook.vapiapi;

/**
 * The server's {@code vapi.security} configuration has nothing Vapi could send that would
 * pass it (an IP allowlist alone, or a secret generated at every start).
 */
public class NoCredentialPlanException extends RuntimeException {

	NoCredentialPlanException(String message) {
		super(message);
	}

}

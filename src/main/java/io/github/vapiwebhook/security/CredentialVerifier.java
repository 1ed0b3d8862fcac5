package io.github.vapiwebhook.security;

import java.util.Optional;

/**
 * One authentication scheme. Implementations are plain classes with no Spring or servlet
 * types.
 */
sealed interface CredentialVerifier permits SharedSecretVerifier, BearerTokenVerifier, HmacSignatureVerifier {

	/**
	 * Checks a request.
	 * @param request the request
	 * @return empty when the request is accepted, otherwise why it is refused
	 */
	Optional<RejectionReason> verify(VerificationRequest request);

	/**
	 * The scheme name shown in health and info (never a secret).
	 * @return the name
	 */
	String scheme();

	/**
	 * Whether this verifier reads {@link VerificationRequest#url()}, which costs some
	 * work per request to reconstruct.
	 * @return {@code true} when the URL is used
	 */
	default boolean usesUrl() {
		return false;
	}

}

package io.github.vapiwebhook.security;

/**
 * One authentication scheme. Implementations are plain classes with no servlet types and
 * no Spring beans (the JWT scheme holds a decoder of Spring Security's resource server).
 * They decide from the headers alone, before any body byte is read, or (for a signature
 * over the body) say so and decide while the body is read.
 */
sealed interface CredentialVerifier
		permits SharedSecretVerifier, BearerTokenVerifier, HmacSignatureVerifier, JwtVerifier {

	/**
	 * Checks the headers of a request.
	 * @param request the request, without its body
	 * @return accepted, refused, or pending a signature over the body
	 */
	Verdict verify(VerificationRequest request);

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

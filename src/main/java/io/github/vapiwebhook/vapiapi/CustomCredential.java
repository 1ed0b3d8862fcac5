package io.github.vapiwebhook.vapiapi;

import java.util.Locale;
import java.util.Optional;

import io.github.vapiwebhook.security.SecurityProperties;

/**
 * A Vapi custom credential ({@code CreateCustomCredentialDTO}): the body of
 * {@code POST /credential} and {@code PATCH /credential/{id}}.
 *
 * @param provider always {@code custom-credential}
 * @param name the credential's name, by which the commands find it again
 * @param authenticationPlan how Vapi authenticates its requests
 */
public record CustomCredential(String provider, String name, AuthenticationPlan authenticationPlan) {

	static final String MASK = "********";

	/** The provider of every credential this client creates. */
	public static final String PROVIDER = "custom-credential";

	/**
	 * The credential that makes Vapi's requests pass the server's own authentication, so
	 * that both sides agree by construction. An HMAC secret is preferred, then the
	 * server's own OAuth2 token endpoint, then a bearer token, then a shared secret (as a
	 * bearer plan on {@code X-Vapi-Secret} without the prefix, which is how Vapi sends a
	 * legacy secret today); the first secret of each list is the current one.
	 * @param name the credential's name
	 * @param security the server's authentication settings
	 * @param publicBaseUrl the server's public base URL, under which the token endpoint
	 * is served
	 * @return the credential, or empty when authentication is off ({@code mode: none})
	 * @throws NoCredentialPlanException when no secret is configured
	 */
	public static Optional<CustomCredential> forServer(String name, SecurityProperties security, String publicBaseUrl) {
		if (security.mode() == SecurityProperties.Mode.NONE) {
			return Optional.empty();
		}
		return Optional.of(new CustomCredential(PROVIDER, name, planFor(security, publicBaseUrl)));
	}

	private static AuthenticationPlan planFor(SecurityProperties security, String publicBaseUrl) {
		SecurityProperties.Hmac hmac = security.hmac();
		if (!hmac.secrets().isEmpty()) {
			return new HmacPlan("hmac", hmac.secrets().get(0), hmac.algorithm().name().toLowerCase(Locale.ROOT),
					hmac.signatureHeader(), hmac.timestampHeader(),
					hmac.signaturePrefix().isEmpty() ? null : hmac.signaturePrefix(), hmac.includeTimestamp(),
					hmac.payloadFormat(), hmac.messageIdHeader(),
					hmac.signatureEncoding().name().toLowerCase(Locale.ROOT), hmac.secretIsBase64());
		}
		SecurityProperties.TokenEndpoint tokens = security.oauth2().tokenEndpoint();
		if (tokens.clientId() != null && !tokens.clientSecrets().isEmpty()) {
			String base = publicBaseUrl.endsWith("/") ? publicBaseUrl.substring(0, publicBaseUrl.length() - 1)
					: publicBaseUrl;
			return new OAuth2Plan("oauth2", base + tokens.path(), tokens.clientId(), tokens.clientSecrets().get(0));
		}
		if (!security.bearer().tokens().isEmpty()) {
			return new BearerPlan(security.bearer().tokens().get(0), security.bearer().headerName(), true);
		}
		if (!security.sharedSecret().secrets().isEmpty()) {
			return new BearerPlan(security.sharedSecret().secrets().get(0),
					security.sharedSecret().headerNames().get(0), false);
		}
		String allowlist = security.ipAllowlist().cidrs().isEmpty() ? ""
				: " An IP allowlist alone cannot be expressed as a credential.";
		if (security.oauth2().issuerUri() != null || security.oauth2().jwkSetUri() != null) {
			throw new NoCredentialPlanException("vapi.security.oauth2 checks tokens of your identity provider, whose"
					+ " client secret is not in this server's configuration: create the oauth2 credential in Vapi"
					+ " yourself (README, OAuth2) or configure another scheme under vapi.security.");
		}
		throw new NoCredentialPlanException("No secret is configured under vapi.security, so the server accepts"
				+ " only a secret it generates at every start." + allowlist
				+ " Set vapi.security.hmac.secrets (recommended), vapi.security.bearer.tokens or"
				+ " vapi.security.shared-secret.secrets, or vapi.security.mode=none for local experiments.");
	}

	/**
	 * The same credential with its secret replaced by asterisks, for printing.
	 * @return the masked credential
	 */
	public CustomCredential masked() {
		return new CustomCredential(this.provider, this.name, this.authenticationPlan.masked());
	}

	@Override
	public String toString() {
		return "CustomCredential[name=" + this.name + ", authenticationPlan=" + this.authenticationPlan + "]";
	}

}

package io.github.vapiwebhook.security;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the {@link WebhookAuthenticator} from the configuration: one verifier per
 * configured scheme or, when none is configured, a shared secret generated here and
 * printed once, so the server starts but never falls open.
 */
final class AuthenticatorFactory {

	private static final Logger logger = LoggerFactory.getLogger(AuthenticatorFactory.class);

	private final Clock clock;

	private final SecureRandom random;

	AuthenticatorFactory(Clock clock, SecureRandom random) {
		this.clock = clock;
		this.random = random;
	}

	WebhookAuthenticator create(SecurityProperties properties) {
		List<CredentialVerifier> verifiers = new ArrayList<>();
		SecurityProperties.SharedSecret shared = properties.sharedSecret();
		if (!shared.secrets().isEmpty()) {
			verifiers.add(new SharedSecretVerifier(shared.secrets(), shared.headerNames()));
		}
		if (!properties.bearer().tokens().isEmpty()) {
			verifiers.add(new BearerTokenVerifier(properties.bearer().tokens(), properties.bearer().headerName()));
		}
		if (!properties.hmac().secrets().isEmpty()) {
			verifiers.add(new HmacSignatureVerifier(properties.hmac(),
					new ReplayWindow(this.clock, properties.replayTolerance())));
		}
		addTokenVerifiers(properties.oauth2(), verifiers);
		if (verifiers.isEmpty()) {
			verifiers.add(new SharedSecretVerifier(List.of(generateSecret()), shared.headerNames()));
		}
		List<Cidr> allowlist = properties.ipAllowlist()
			.cidrs()
			.stream()
			.map((cidr) -> Cidr.parse(cidr, "vapi.security.ip-allowlist.cidrs"))
			.toList();
		return new WebhookAuthenticator(verifiers, allowlist);
	}

	private void addTokenVerifiers(SecurityProperties.OAuth2 oauth2, List<CredentialVerifier> verifiers) {
		TokenDecoders decoders = new TokenDecoders(this.clock);
		long maxTokenSize = oauth2.maxTokenSize().toBytes();
		if (oauth2.usesIdentityProvider()) {
			verifiers.add(new JwtVerifier("oauth2", decoders.identityProvider(oauth2), maxTokenSize));
		}
		SecurityProperties.TokenEndpoint endpoint = oauth2.tokenEndpoint();
		if (endpoint.enabled()) {
			LocalTokenIssuer issuer = new LocalTokenIssuer(endpoint.signingSecret(), endpoint.tokenLifetime());
			verifiers.add(new JwtVerifier("oauth2-token-endpoint", issuer.decoder(decoders, oauth2), maxTokenSize));
		}
	}

	private String generateSecret() {
		byte[] bytes = new byte[32];
		this.random.nextBytes(bytes);
		String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		// printed once on purpose, the way Spring Boot prints its generated password
		logger.warn("""

				Using generated webhook secret: {}

				No credential is configured under vapi.security, so the webhook accepts only requests carrying this \
				secret in the X-Vapi-Secret header. In Vapi, create a Bearer credential with this token, header name \
				X-Vapi-Secret and the Bearer prefix disabled, and use it as the server credential. The secret changes \
				at every start: set vapi.security.shared-secret.secrets (or bearer / hmac) for a lasting one.
				""", secret);
		return secret;
	}

}

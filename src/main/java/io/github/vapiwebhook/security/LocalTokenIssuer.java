package io.github.vapiwebhook.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.jspecify.annotations.Nullable;

import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtAudienceValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * The tokens of this server's own token endpoint: HS256 JWTs signed with Nimbus JOSE over
 * a key derived from the configured signing secret (so that the same text configured for
 * another scheme never yields this key), with a fixed issuer and audience, and the
 * decoder that accepts them.
 */
final class LocalTokenIssuer {

	static final String ISSUER = "vapi-webhook-server";

	static final String AUDIENCE = "vapi-webhook";

	private static final byte[] KEY_LABEL = "vapi-webhook-server oauth2 token signing key v1"
		.getBytes(StandardCharsets.US_ASCII);

	private final SecretKey key;

	private final Duration lifetime;

	/**
	 * Creates the issuer.
	 * @param signingSecret the configured signing secret
	 * @param lifetime how long a token is valid
	 */
	LocalTokenIssuer(String signingSecret, Duration lifetime) {
		this.key = deriveKey(signingSecret);
		this.lifetime = lifetime;
	}

	/**
	 * How long a token is valid.
	 * @return the lifetime
	 */
	Duration lifetime() {
		return this.lifetime;
	}

	/**
	 * Issues a token.
	 * @param clientId the client it is issued to (the sub claim)
	 * @param scope the granted scope, or {@code null}
	 * @param now the time of issue
	 * @return the signed token, compact
	 */
	String issue(String clientId, @Nullable String scope, Instant now) {
		JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer(ISSUER)
			.audience(AUDIENCE)
			.subject(clientId)
			.issueTime(Date.from(now))
			.notBeforeTime(Date.from(now))
			.expirationTime(Date.from(now.plus(this.lifetime)))
			.jwtID(UUID.randomUUID().toString());
		if (scope != null) {
			claims.claim("scope", scope);
		}
		SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).type(JOSEObjectType.JWT).build(),
				claims.build());
		try {
			jwt.sign(new MACSigner(this.key));
		}
		catch (JOSEException ex) {
			throw new IllegalStateException("Could not sign a token", ex);
		}
		return jwt.serialize();
	}

	/**
	 * The decoder that accepts this issuer's tokens (HS256 with this key only), carrying
	 * the configured scopes.
	 * @param decoders the shared validators
	 * @param settings the configuration, for the clock skew and the scopes
	 * @return the decoder
	 */
	JwtDecoder decoder(TokenDecoders decoders, SecurityProperties.OAuth2 settings) {
		NimbusJwtDecoder decoder = NimbusJwtDecoder.withSecretKey(this.key).macAlgorithm(MacAlgorithm.HS256).build();
		List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>(
				List.of(new JwtIssuerValidator(ISSUER), new JwtAudienceValidator(AUDIENCE)));
		if (!settings.scopes().isEmpty()) {
			validators.add(TokenDecoders.scopes(settings.scopes()));
		}
		decoder.setJwtValidator(decoders.validator(settings, validators));
		return decoder;
	}

	private static SecretKey deriveKey(String signingSecret) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(signingSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return new SecretKeySpec(mac.doFinal(KEY_LABEL), "HmacSHA256");
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is not available", ex);
		}
	}

}

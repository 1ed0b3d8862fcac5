package io.github.vapiwebhook.security;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * The identity provider's tokens that {@link WebhookSigner#jwt} sends. Apart from
 * WebhookSigner so that its other signers load no Nimbus class: a tool that signs with
 * HMAC or a secret runs with the server's classes alone on its class path (the benchmark
 * scripts do).
 */
final class SignedTokens {

	private SignedTokens() {
	}

	/**
	 * A JWT signed with a key of the provider's JWK set (RS256 for an RSA key, ES256 for
	 * a P-256 key, with the key's id as kid), issued at the given time and valid for five
	 * minutes.
	 */
	static String jwt(JWK key, String issuer, String audience, String scope, Instant timestamp) {
		JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(issuer)
			.audience(audience)
			.subject("vapi")
			.claim("scope", scope)
			.issueTime(Date.from(timestamp))
			.expirationTime(Date.from(timestamp.plus(Duration.ofMinutes(5))))
			.build();
		try {
			JWSSigner signer = (key instanceof ECKey ec) ? new ECDSASigner(ec) : new RSASSASigner(key.toRSAKey());
			JWSAlgorithm algorithm = (key instanceof ECKey) ? JWSAlgorithm.ES256 : JWSAlgorithm.RS256;
			SignedJWT jwt = new SignedJWT(
					new JWSHeader.Builder(algorithm).keyID(key.getKeyID()).type(JOSEObjectType.JWT).build(), claims);
			jwt.sign(signer);
			return jwt.serialize();
		}
		catch (JOSEException ex) {
			throw new IllegalArgumentException("Could not sign with key " + key.getKeyID(), ex);
		}
	}

}

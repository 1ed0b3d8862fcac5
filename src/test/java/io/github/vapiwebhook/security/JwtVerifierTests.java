package io.github.vapiwebhook.security;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

import static org.assertj.core.api.Assertions.assertThat;

class JwtVerifierTests {

	private static final JwtDecoder NEVER_CALLED = (token) -> {
		throw new AssertionError("the token was parsed");
	};

	@Test
	void refusesAnOverlongTokenWithoutParsingIt() {
		JwtVerifier verifier = new JwtVerifier("oauth2", NEVER_CALLED, 256);
		assertThat(verifier.verify(request("Bearer " + "a".repeat(300))))
			.isEqualTo(new Verdict.Refused(RejectionReason.BAD_TOKEN));
	}

	@Test
	void reportsMissingCredentialWithoutBearerToken() {
		JwtVerifier verifier = new JwtVerifier("oauth2", NEVER_CALLED, 256);
		assertThat(verifier.verify(request("Basic dmFwaTpzZWNyZXQ=")))
			.isEqualTo(new Verdict.Refused(RejectionReason.MISSING_CREDENTIAL));
		assertThat(verifier.verify(new VerificationRequest("POST", "", Map.of(), null)))
			.isEqualTo(new Verdict.Refused(RejectionReason.MISSING_CREDENTIAL));
	}

	@Test
	void tellsABadTokenFromKeysThatCannotBeFetched() {
		JwtVerifier bad = new JwtVerifier("oauth2", (token) -> {
			throw new BadJwtException("expired");
		}, 256);
		JwtVerifier unavailable = new JwtVerifier("oauth2", (token) -> {
			throw new JwtException("Couldn't retrieve remote JWK set");
		}, 256);
		assertThat(bad.verify(request("Bearer x.y.z"))).isEqualTo(new Verdict.Refused(RejectionReason.BAD_TOKEN));
		assertThat(unavailable.verify(request("Bearer x.y.z")))
			.isEqualTo(new Verdict.Refused(RejectionReason.KEYS_UNAVAILABLE));
	}

	@Test
	void passesTheTokenWithoutItsPrefixToTheDecoder() {
		StringBuilder seen = new StringBuilder();
		JwtVerifier verifier = new JwtVerifier("oauth2", (token) -> {
			seen.append(token);
			throw new BadJwtException("refused");
		}, 256);
		verifier.verify(request("bearer  x.y.z "));
		assertThat(seen).hasToString("x.y.z");
	}

	private static VerificationRequest request(String authorization) {
		return new VerificationRequest("POST", "", Map.of("Authorization", authorization), null);
	}

}

package io.github.vapiwebhook.security;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static io.github.vapiwebhook.security.HmacSignatureVerifierTests.BODY;
import static io.github.vapiwebhook.security.HmacSignatureVerifierTests.headersOnly;
import static org.assertj.core.api.Assertions.assertThat;

class BearerTokenVerifierTests {

	private final BearerTokenVerifier verifier = new BearerTokenVerifier(List.of("token-1", "token-0"),
			"Authorization");

	@Test
	void acceptsTokenWithBearerPrefix() {
		assertThat(this.verifier.verify(headersOnly(BODY, Map.of("Authorization", "Bearer token-1"))))
			.isEqualTo(Verdict.ACCEPTED);
	}

	@Test
	void acceptsTokenWithoutBearerPrefix() {
		assertThat(this.verifier.verify(headersOnly(BODY, Map.of("Authorization", "token-1"))))
			.isEqualTo(Verdict.ACCEPTED);
	}

	@Test
	void acceptsPreviousTokenDuringRotation() {
		assertThat(this.verifier.verify(headersOnly(BODY, Map.of("authorization", "bearer token-0"))))
			.isEqualTo(Verdict.ACCEPTED);
	}

	@Test
	void acceptsTokenInConfiguredHeader() {
		BearerTokenVerifier custom = new BearerTokenVerifier(List.of("token-1"), "X-Vapi-Secret");
		assertThat(custom.verify(headersOnly(BODY, Map.of("X-Vapi-Secret", "token-1")))).isEqualTo(Verdict.ACCEPTED);
	}

	@Test
	void rejectsWrongToken() {
		assertThat(this.verifier.verify(headersOnly(BODY, Map.of("Authorization", "Bearer token-2"))))
			.isEqualTo(new Verdict.Refused(RejectionReason.BAD_CREDENTIAL));
	}

	@Test
	void rejectsRequestWithoutAuthorizationHeader() {
		assertThat(this.verifier.verify(headersOnly(BODY, Map.of("X-Vapi-Secret", "token-1"))))
			.isEqualTo(new Verdict.Refused(RejectionReason.MISSING_CREDENTIAL));
	}

}

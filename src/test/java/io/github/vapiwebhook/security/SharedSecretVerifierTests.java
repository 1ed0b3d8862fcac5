package io.github.vapiwebhook.security;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static io.github.vapiwebhook.security.HmacSignatureVerifierTests.BODY;
import static io.github.vapiwebhook.security.HmacSignatureVerifierTests.headersOnly;
import static org.assertj.core.api.Assertions.assertThat;

class SharedSecretVerifierTests {

	private final SharedSecretVerifier verifier = new SharedSecretVerifier(List.of("current", "previous"),
			List.of("X-Vapi-Secret", "X-Vapi-Signature"));

	@Test
	void acceptsSecretInXVapiSecretHeaderCaseInsensitively() {
		assertThat(this.verifier.verify(headersOnly(BODY, Map.of("x-vapi-secret", "current"))))
			.isEqualTo(Verdict.ACCEPTED);
	}

	@Test
	void acceptsSecretInXVapiSignatureHeader() {
		assertThat(this.verifier.verify(headersOnly(BODY, Map.of("X-Vapi-Signature", "current"))))
			.isEqualTo(Verdict.ACCEPTED);
	}

	@Test
	void acceptsPreviousSecretDuringRotation() {
		assertThat(this.verifier.verify(headersOnly(BODY, Map.of("X-Vapi-Secret", "previous"))))
			.isEqualTo(Verdict.ACCEPTED);
	}

	@Test
	void rejectsSecretRemovedByRotation() {
		SharedSecretVerifier rotated = new SharedSecretVerifier(List.of("current"), List.of("X-Vapi-Secret"));
		assertThat(rotated.verify(headersOnly(BODY, Map.of("X-Vapi-Secret", "previous"))))
			.isEqualTo(new Verdict.Refused(RejectionReason.BAD_CREDENTIAL));
	}

	@Test
	void rejectsWrongSecret() {
		assertThat(this.verifier.verify(headersOnly(BODY, Map.of("X-Vapi-Secret", "curren"))))
			.isEqualTo(new Verdict.Refused(RejectionReason.BAD_CREDENTIAL));
	}

	@Test
	void rejectsRequestWithoutSecretHeader() {
		assertThat(this.verifier.verify(headersOnly(BODY, Map.of("Authorization", "Bearer current"))))
			.isEqualTo(new Verdict.Refused(RejectionReason.MISSING_CREDENTIAL));
	}

	@Test
	void rejectsEmptySecretHeader() {
		assertThat(this.verifier.verify(headersOnly(BODY, Map.of("X-Vapi-Secret", ""))))
			.isEqualTo(new Verdict.Refused(RejectionReason.MISSING_CREDENTIAL));
	}

}

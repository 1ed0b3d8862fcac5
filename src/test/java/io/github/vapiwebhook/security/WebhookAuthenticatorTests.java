package io.github.vapiwebhook.security;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static io.github.vapiwebhook.security.HmacSignatureVerifierTests.BODY;
import static io.github.vapiwebhook.security.HmacSignatureVerifierTests.NOW;
import static io.github.vapiwebhook.security.HmacSignatureVerifierTests.SECRET;
import static io.github.vapiwebhook.security.HmacSignatureVerifierTests.headersOnly;
import static org.assertj.core.api.Assertions.assertThat;

class WebhookAuthenticatorTests {

	private final List<CredentialVerifier> schemes = List.of(
			new SharedSecretVerifier(List.of("shared"), List.of("X-Vapi-Secret")),
			new BearerTokenVerifier(List.of("token"), "Authorization"),
			new HmacSignatureVerifier(HmacSignatureVerifierTests.plan(List.of(SECRET)),
					new ReplayWindow(Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofMinutes(5))));

	private final WebhookAuthenticator authenticator = new WebhookAuthenticator(this.schemes, List.of());

	@Test
	void acceptsFromTheHeadersARequestThatAHeaderSchemeAccepts() {
		assertThat(this.authenticator.authenticate(headersOnly(BODY, Map.of("X-Vapi-Secret", "shared"))))
			.isEqualTo(Verdict.ACCEPTED);
		assertThat(this.authenticator.authenticate(headersOnly(BODY, Map.of("Authorization", "Bearer token"))))
			.isEqualTo(Verdict.ACCEPTED);
	}

	@Test
	void waitsForTheBodyOfAWellFormedSignature() {
		assertThat(this.authenticator.authenticate(headersOnly(BODY, WebhookSigner.hmac(SECRET).headersFor(BODY, NOW))))
			.isInstanceOf(Verdict.NeedsBody.class);
	}

	@Test
	void acceptsFromTheHeadersEvenWhenASignatureWouldNeedTheBody() {
		Map<String, String> both = new java.util.HashMap<>(WebhookSigner.hmac(SECRET).headersFor(BODY, NOW));
		both.put("X-Vapi-Secret", "shared");
		assertThat(this.authenticator.authenticate(headersOnly(BODY, both))).isEqualTo(Verdict.ACCEPTED);
	}

	@Test
	void rejectsRequestWithoutAnyCredential() {
		assertThat(this.authenticator.authenticate(headersOnly(BODY, Map.of("Content-Type", "application/json"))))
			.isEqualTo(new Verdict.Refused(RejectionReason.MISSING_CREDENTIAL));
	}

	@Test
	void reportsTheMostSpecificReasonWhenEverySchemeRefuses() {
		Map<String, String> stale = WebhookSigner.hmac(SECRET).headersFor(BODY, NOW.minus(Duration.ofHours(1)));
		assertThat(this.authenticator.authenticate(headersOnly(BODY, stale)))
			.isEqualTo(new Verdict.Refused(RejectionReason.STALE_TIMESTAMP));
	}

	@Test
	void rejectsSourceOutsideTheAllowlistEvenWithValidCredential() throws Exception {
		WebhookAuthenticator allowlisted = new WebhookAuthenticator(this.schemes,
				List.of(Cidr.parse("167.150.224.0/23", "test")));
		assertThat(allowlisted.authenticate(from("10.0.0.1", Map.of("X-Vapi-Secret", "shared"))))
			.isEqualTo(new Verdict.Refused(RejectionReason.IP_DENIED));
		assertThat(allowlisted.authenticate(from("167.150.225.7", Map.of("X-Vapi-Secret", "shared"))))
			.isEqualTo(Verdict.ACCEPTED);
	}

	@Test
	void rejectsUnknownSourceWhenAnAllowlistIsConfigured() {
		WebhookAuthenticator allowlisted = new WebhookAuthenticator(this.schemes,
				List.of(Cidr.parse("167.150.224.0/23", "test")));
		assertThat(allowlisted.authenticate(headersOnly(BODY, Map.of("X-Vapi-Secret", "shared"))))
			.isEqualTo(new Verdict.Refused(RejectionReason.IP_DENIED));
	}

	private static VerificationRequest from(String address, Map<String, String> headers) throws Exception {
		return new VerificationRequest("POST", "http://localhost/vapi/webhook", headers,
				InetAddress.getByName(address));
	}

}

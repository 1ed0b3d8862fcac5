package io.github.vapiwebhook.security;

import java.net.URI;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static io.github.vapiwebhook.security.HmacSignatureVerifierTests.BODY;
import static io.github.vapiwebhook.security.HmacSignatureVerifierTests.SECRET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

class WebhookSignerTests {

	private static final Instant AT = Instant.ofEpochSecond(1764165600L);

	@Test
	void signsWithVapisDefaultHmacPlan() {
		assertThat(WebhookSigner.hmac(SECRET).headersFor(BODY, AT)).containsExactly(
				entry("x-signature", "fe4f3522eb0ac85d6416f27676934118bbbc659d261d3ae3925f937dc20efe88"),
				entry("x-timestamp", "1764165600"));
	}

	@Test
	void signsSha512Base64WithPrefixAndCustomHeaders() {
		assertThat(WebhookSigner.builder(SECRET)
			.algorithm(HmacAlgorithm.SHA512)
			.signatureEncoding(SignatureEncoding.BASE64)
			.signaturePrefix("v1=")
			.signatureHeader("X-Sig")
			.timestampHeader("X-Time")
			.build()
			.headersFor(BODY, AT))
			.containsExactly(entry("X-Sig",
					"v1=CNcewNHLlp4Iyo6CuQklmezuWqa1PXvfG1MBO6QOrn86Ryh6tiv4ZCUSeYhuG0iJhNf+U6lq/UoyeGRmVLyiyw=="),
					entry("X-Time", "1764165600"));
	}

	@Test
	void signsBodyOnlyWithoutTimestamp() {
		assertThat(WebhookSigner.builder(SECRET)
			.algorithm(HmacAlgorithm.SHA1)
			.includeTimestamp(false)
			.build()
			.headersFor(BODY, AT)).containsExactly(entry("x-signature", "1014056908f2ba2dbd2b80f32770521f5c41d3ed"));
	}

	@Test
	void signsWithBase64Secret() {
		assertThat(WebhookSigner.builder("c2VjcmV0LWJ5dGVz").secretIsBase64(true).build().headersFor(BODY, AT))
			.containsEntry("x-signature", "950cccac28c8e04fa87abb7f6a26024bdc16d87578a03ae6d74388ae326aa9d9");
	}

	@Test
	void keepsItsSettingsWhenTheBuilderChangesLater() {
		WebhookSigner.Builder builder = WebhookSigner.builder(SECRET);
		WebhookSigner signer = builder.build();
		builder.algorithm(HmacAlgorithm.SHA1);
		assertThat(signer.headersFor(BODY, AT)).containsEntry("x-signature",
				"fe4f3522eb0ac85d6416f27676934118bbbc659d261d3ae3925f937dc20efe88");
	}

	@Test
	void producesSharedSecretAndBearerHeaders() {
		assertThat(WebhookSigner.sharedSecret("s").headersFor(BODY, AT)).containsExactly(entry("X-Vapi-Secret", "s"));
		assertThat(WebhookSigner.bearer("t").headersFor(BODY, AT)).containsExactly(entry("Authorization", "Bearer t"));
	}

	@Test
	void signsWithTheConfiguredHmacPlanAndItsFirstSecret() {
		SecurityProperties security = security(
				Map.of("vapi.security.hmac.secrets[0]", SECRET, "vapi.security.hmac.secrets[1]", "older",
						"vapi.security.hmac.algorithm", "sha1", "vapi.security.hmac.include-timestamp", "false"));
		assertThat(WebhookSigner.of(security, URI.create("http://localhost/vapi/webhook")).headersFor(BODY, AT))
			.containsExactly(entry("x-signature", "1014056908f2ba2dbd2b80f32770521f5c41d3ed"));
	}

	@Test
	void sendsAFreshMessageIdWhenTheConfiguredPlanHasAMessageIdHeader() {
		SecurityProperties security = security(
				Map.of("vapi.security.hmac.secrets[0]", SECRET, "vapi.security.hmac.message-id-header", "svix-id",
						"vapi.security.hmac.payload-format", "{svix-id}.{timestamp}.{body}"));
		WebhookSigner signer = WebhookSigner.of(security, URI.create("http://localhost/vapi/webhook"));
		Map<String, String> first = signer.headersFor(BODY, AT);
		Map<String, String> second = signer.headersFor(BODY, AT);
		assertThat(first).containsKeys("x-signature", "x-timestamp", "svix-id");
		assertThat(first.get("svix-id")).isNotEqualTo(second.get("svix-id"));
		assertThat(first.get("x-signature")).isNotEqualTo(second.get("x-signature"));
	}

	@Test
	void sendsTheConfiguredSharedSecretOrBearerToken() {
		assertThat(WebhookSigner
			.of(security(Map.of("vapi.security.shared-secret.secrets[0]", "shh",
					"vapi.security.shared-secret.header-names[0]", "X-Secret", "vapi.security.bearer.tokens[0]",
					"tok")), URI.create("http://localhost/"))
			.headersFor(BODY, AT)).containsExactly(entry("X-Secret", "shh"));
		assertThat(WebhookSigner
			.of(security(Map.of("vapi.security.bearer.tokens[0]", "tok")), URI.create("http://localhost/"))
			.headersFor(BODY, AT)).containsExactly(entry("Authorization", "Bearer tok"));
	}

	@Test
	void sendsNothingWithoutACredentialOrWithAuthenticationOff() {
		assertThat(WebhookSigner.of(security(Map.of()), URI.create("http://localhost/")).headersFor(BODY, AT))
			.isEmpty();
		assertThat(WebhookSigner
			.of(security(Map.of("vapi.security.mode", "none", "vapi.security.bearer.tokens[0]", "tok")),
					URI.create("http://localhost/"))
			.headersFor(BODY, AT)).isEmpty();
	}

	private static SecurityProperties security(Map<String, String> properties) {
		return new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate("vapi.security",
				SecurityProperties.class);
	}

}

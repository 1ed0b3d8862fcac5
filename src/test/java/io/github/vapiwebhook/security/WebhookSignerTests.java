package io.github.vapiwebhook.security;

import java.time.Instant;

import org.junit.jupiter.api.Test;

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

}

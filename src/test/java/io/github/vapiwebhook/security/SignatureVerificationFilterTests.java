package io.github.vapiwebhook.security;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The filter in the booted application, over real HTTP, with the three schemes configured
 * at once.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "vapi.security.shared-secret.secrets=test-secret", "vapi.security.bearer.tokens=test-token",
				"vapi.security.hmac.secrets=whsec-test-secret", "vapi.management.tokens=test-management-token" })
@ExtendWith(OutputCaptureExtension.class)
class SignatureVerificationFilterTests {

	static final String BODY = "{\"message\":{\"type\":\"status-update\",\"status\":\"in-progress\",\"call\":{\"id\":\"call-123\"}}}";

	@LocalServerPort
	int port;

	@Autowired
	MeterRegistry meters;

	@Test
	void acceptsSharedSecret() {
		assertThat(post(BODY, Map.of("X-Vapi-Secret", "test-secret")).status()).isEqualTo(200);
	}

	@Test
	void acceptsSharedSecretInXVapiSignature() {
		assertThat(post(BODY, Map.of("X-Vapi-Signature", "test-secret")).status()).isEqualTo(200);
	}

	@Test
	void acceptsBearerToken() {
		assertThat(post(BODY, WebhookSigner.bearer("test-token").headersFor(BODY, Instant.now())).status())
			.isEqualTo(200);
	}

	@Test
	void acceptsHmacOverTheRawBytesEvenWhenTheyAreUnusualJson() {
		String raw = "{\n  \"message\" : { \"call\" : {\"id\":\"call-\\u0031\"}, \"status\":\"ended\", \"type\":\"status-update\" }\n}";
		HttpExchange response = post(raw, WebhookSigner.hmac("whsec-test-secret").headersFor(raw, Instant.now()));
		assertThat(response.status()).isEqualTo(200);
	}

	@Test
	void rejectsRequestWithoutCredentialWithGenericProblem(CapturedOutput output) {
		double before = rejections("missing_credential");
		HttpExchange response = post(BODY, Map.of());
		assertThat(response.status()).isEqualTo(401);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.body()).contains("The request could not be authenticated")
			.doesNotContain("missing")
			.doesNotContain("header");
		assertThat(rejections("missing_credential")).isEqualTo(before + 1);
		assertThat(output.getOut()).contains("Refused a webhook request").contains("missing_credential");
	}

	@Test
	void rejectsWrongSharedSecretWithoutLoggingIt(CapturedOutput output) {
		double before = rejections("bad_credential");
		assertThat(post(BODY, Map.of("X-Vapi-Secret", "wrong-secret-value")).status()).isEqualTo(401);
		assertThat(rejections("bad_credential")).isEqualTo(before + 1);
		assertThat(output.getOut()).contains("bad_credential").doesNotContain("wrong-secret-value");
	}

	@Test
	void rejectsBadSignatureWithoutLoggingIt(CapturedOutput output) {
		double before = rejections("bad_signature");
		Map<String, String> headers = WebhookSigner.hmac("whsec-other").headersFor(BODY, Instant.now());
		assertThat(post(BODY, headers).status()).isEqualTo(401);
		assertThat(rejections("bad_signature")).isEqualTo(before + 1);
		assertThat(output.getOut()).contains("bad_signature").doesNotContain(headers.get("x-signature"));
	}

	@Test
	void rejectsBodyChangedAfterSigning() {
		Map<String, String> headers = WebhookSigner.hmac("whsec-test-secret").headersFor(BODY, Instant.now());
		assertThat(post(BODY.replace(":", ": "), headers).status()).isEqualTo(401);
	}

	@Test
	void rejectsStaleTimestamp() {
		double before = rejections("stale_timestamp");
		Map<String, String> headers = WebhookSigner.hmac("whsec-test-secret")
			.headersFor(BODY, Instant.now().minus(Duration.ofMinutes(10)));
		assertThat(post(BODY, headers).status()).isEqualTo(401);
		assertThat(rejections("stale_timestamp")).isEqualTo(before + 1);
	}

	@Test
	void healthStaysReachableWithoutCredentialsAndInfoShowsTheModeButNoSecret() {
		RestClient client = RestClient.create("http://127.0.0.1:" + this.port);
		assertThat(client.get().uri("/actuator/health").retrieve().body(String.class)).contains("\"status\":\"UP\"");
		String info = client.get()
			.uri("/actuator/info")
			.header("Authorization", "Bearer test-management-token")
			.retrieve()
			.body(String.class);
		assertThat(info).contains("\"mode\":\"verify\"").doesNotContain("test-secret").doesNotContain("test-token");
	}

	@Test
	void registersACounterPerReasonFromTheStart() {
		for (String reason : new String[] { "missing_credential", "bad_credential", "bad_signature", "bad_timestamp",
				"stale_timestamp", "duplicate_message", "ip_denied" }) {
			assertThat(this.meters.find(SignatureVerificationFilter.REJECTIONS_METER).tag("reason", reason).counter())
				.as(reason)
				.isNotNull();
		}
		assertThat(this.meters.find(SignatureVerificationFilter.REJECTIONS_METER).counters()).allSatisfy(
				(counter) -> assertThat(counter.getId().getTags()).extracting(io.micrometer.core.instrument.Tag::getKey)
					.containsOnly("reason", "application"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "/vapi/webhook/", "/vapi/webhook;x=1", "/vapi//webhook", "/vapi/./webhook",
			"/vapi/webhook?x=1", "/vapi/%77ebhook", "/x/../vapi/webhook" })
	void neverServesAPathVariantWithoutCredentials(String path) {
		int status = RestClient.create()
			.post()
			.uri(URI.create("http://127.0.0.1:" + this.port + path))
			.contentType(MediaType.APPLICATION_JSON)
			.body(BODY.getBytes(StandardCharsets.UTF_8))
			.exchange((request, response) -> response.getStatusCode().value());
		assertThat(status).as(path).isNotEqualTo(200);
	}

	private double rejections(String reason) {
		return this.meters.counter(SignatureVerificationFilter.REJECTIONS_METER, "reason", reason).count();
	}

	private HttpExchange post(String body, Map<String, String> headers) {
		return HttpExchange.postWebhook(this.port, body, headers);
	}

}

package io.github.vapiwebhook.security;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

import static io.github.vapiwebhook.security.SignatureVerificationFilterTests.BODY;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A booted application behind a trusted proxy (the test client on 127.0.0.1), with an
 * HMAC plan that signs the public URL and a message id, and Vapi's static IP range on the
 * allowlist.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "vapi.security.hmac.secrets=whsec-url-secret",
				"vapi.security.hmac.payload-format={method} {url} {svix-id}.{timestamp}.{body}",
				"vapi.security.hmac.message-id-header=svix-id",
				"vapi.security.ip-allowlist.trusted-proxies=127.0.0.1/32,::1",
				"vapi.security.ip-allowlist.cidrs=167.150.224.0/23" })
class ForwardedRequestAuthenticationTests {

	private static final String PUBLIC_URL = "https://hooks.example.com/vapi/webhook";

	@LocalServerPort
	int port;

	@Autowired
	MeterRegistry meters;

	@Test
	void acceptsSignatureOverThePublicUrlFromTheForwardedHeaders() {
		assertThat(post(signed("msg-accepted", PUBLIC_URL), forwardedFrom("167.150.224.5"))).isEqualTo(200);
	}

	@Test
	void rejectsSignatureOverAnotherUrl() {
		double before = rejections("bad_signature");
		assertThat(
				post(signed("msg-other-url", "https://evil.example.com/vapi/webhook"), forwardedFrom("167.150.224.5")))
			.isEqualTo(401);
		assertThat(rejections("bad_signature")).isEqualTo(before + 1);
	}

	@Test
	void rejectsSourceOutsideTheAllowlist() {
		double before = rejections("ip_denied");
		assertThat(post(signed("msg-denied", PUBLIC_URL), forwardedFrom("203.0.113.7"))).isEqualTo(401);
		assertThat(rejections("ip_denied")).isEqualTo(before + 1);
	}

	@Test
	void refusesARepeatedMessageIdUnderAnotherSignatureButAnswersAnExactRepeat() {
		double before = rejections("duplicate_message");
		Instant now = Instant.now();
		Map<String, String> headers = signed("msg-repeated", PUBLIC_URL, now);
		assertThat(post(headers, forwardedFrom("167.150.224.5"))).isEqualTo(200);
		// the same bytes again (a Vapi retry, or a replay): the first answer, not a
		// refusal
		assertThat(post(headers, forwardedFrom("167.150.224.5"))).isEqualTo(200);
		// the same message id signed anew: refused
		Map<String, String> resigned = signed("msg-repeated", PUBLIC_URL, now.plusSeconds(1));
		assertThat(post(resigned, forwardedFrom("167.150.224.5"))).isEqualTo(401);
		assertThat(rejections("duplicate_message")).isEqualTo(before + 1);
	}

	private static Map<String, String> signed(String messageId, String url) {
		return signed(messageId, url, Instant.now());
	}

	private static Map<String, String> signed(String messageId, String url, Instant at) {
		return WebhookSigner.builder("whsec-url-secret")
			.payloadFormat("{method} {url} {svix-id}.{timestamp}.{body}")
			.messageId("svix-id", messageId)
			.target("POST", url)
			.build()
			.headersFor(BODY, at);
	}

	private static Map<String, String> forwardedFrom(String client) {
		Map<String, String> headers = new LinkedHashMap<>();
		headers.put("X-Forwarded-For", client);
		headers.put("X-Forwarded-Proto", "https");
		headers.put("X-Forwarded-Host", "hooks.example.com");
		return headers;
	}

	private double rejections(String reason) {
		return this.meters.counter(SignatureVerificationFilter.REJECTIONS_METER, "reason", reason).count();
	}

	private int post(Map<String, String> auth, Map<String, String> forwarded) {
		return RestClient.create("http://127.0.0.1:" + this.port)
			.post()
			.uri("/vapi/webhook")
			.contentType(MediaType.APPLICATION_JSON)
			.headers((http) -> {
				auth.forEach(http::add);
				forwarded.forEach(http::add);
			})
			.body(BODY.getBytes(StandardCharsets.UTF_8))
			.exchange((request, response) -> response.getStatusCode().value());
	}

}

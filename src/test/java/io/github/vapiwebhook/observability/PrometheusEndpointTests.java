package io.github.vapiwebhook.observability;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
		"vapi.security.shared-secret.secrets=test-secret", "vapi.management.tokens=test-management-token" })
class PrometheusEndpointTests {

	@LocalServerPort
	int port;

	@Test
	void exportsWebhookMetersForPrometheusWithTheManagementTokenNotTheWebhookSecret() {
		RestClient client = RestClient.create("http://127.0.0.1:" + this.port);
		client.post()
			.uri("/vapi/webhook")
			.header("X-Vapi-Secret", "test-secret")
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"message\":{\"type\":\"speech-update\",\"status\":\"started\",\"role\":\"user\",\"call\":{\"id\":\"call-prom-1\"}}}"
				.getBytes(StandardCharsets.UTF_8))
			.retrieve()
			.toBodilessEntity();
		String scrape = client.get()
			.uri("/actuator/prometheus")
			.header("Authorization", "Bearer test-management-token")
			.retrieve()
			.body(String.class);
		assertThat(scrape).contains("vapi_webhook_messages_total{")
			.contains("type=\"speech-update\"")
			.contains("vapi_webhook_handling_seconds_bucket{")
			.contains("vapi_webhook_body_size_bytes")
			.doesNotContain("call-prom-1");
	}

}

package io.github.vapiwebhook.webhook;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "vapi.security.shared-secret.secrets=test-secret", "vapi.webhook.path=/hooks/vapi",
				"vapi.webhook.max-body-size=2KB" })
class WebhookPathTests {

	@LocalServerPort
	int port;

	@Test
	void configuredPathReceivesMessages() {
		byte[] body = "{\"message\":{\"type\":\"hang\",\"timestamp\":1764178831000}}".getBytes(StandardCharsets.UTF_8);
		assertThat(post("/hooks/vapi", body)).isEqualTo(200);
	}

	@Test
	void defaultPathIsGoneWhenAnotherIsConfigured() {
		assertThat(post("/vapi/webhook", "{\"message\":{\"type\":\"hang\"}}".getBytes(StandardCharsets.UTF_8)))
			.isEqualTo(404);
	}

	@Test
	void bodyLimitAppliesToTheConfiguredPath() {
		assertThat(post("/hooks/vapi", new byte[4096])).isEqualTo(413);
	}

	private int post(String path, byte[] body) {
		return RestClient.create()
			.post()
			.uri("http://127.0.0.1:" + this.port + path)
			.contentType(MediaType.APPLICATION_JSON)
			.header("X-Vapi-Secret", "test-secret")
			.body(body)
			.exchange((request, response) -> response.getStatusCode().value());
	}

}

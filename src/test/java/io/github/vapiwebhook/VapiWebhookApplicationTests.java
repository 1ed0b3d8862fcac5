package io.github.vapiwebhook;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class VapiWebhookApplicationTests {

	@LocalServerPort
	int port;

	@Test
	void healthIsUpWithoutCredentials() {
		String health = RestClient.create("http://127.0.0.1:" + this.port)
			.get()
			.uri("/actuator/health")
			.retrieve()
			.body(String.class);
		assertThat(health).contains("\"status\":\"UP\"");
	}

}

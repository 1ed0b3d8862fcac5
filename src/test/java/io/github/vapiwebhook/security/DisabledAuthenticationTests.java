package io.github.vapiwebhook.security;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

import static io.github.vapiwebhook.security.SignatureVerificationFilterTests.BODY;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code mode: none} in a booted application: requests pass without credentials, and the
 * info endpoint says authentication is off.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "vapi.security.mode=none", "vapi.management.tokens=test-management-token" })
class DisabledAuthenticationTests {

	@LocalServerPort
	int port;

	@Test
	void acceptsRequestsWithoutCredentialsAndSaysSoInInfo() {
		RestClient client = RestClient.create("http://127.0.0.1:" + this.port);
		int status = client.post()
			.uri("/vapi/webhook")
			.contentType(MediaType.APPLICATION_JSON)
			.body(BODY.getBytes(StandardCharsets.UTF_8))
			.exchange((request, response) -> response.getStatusCode().value());
		assertThat(status).isEqualTo(200);
		assertThat(client.get()
			.uri("/actuator/info")
			.header("Authorization", "Bearer test-management-token")
			.retrieve()
			.body(String.class)).contains("\"mode\":\"none\"").contains("DISABLED");
	}

}

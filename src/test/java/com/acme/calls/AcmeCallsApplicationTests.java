package com.acme.calls;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import io.github.vapiwebhook.security.WebhookSigner;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A Spring Boot application outside {@code io.github.vapiwebhook} that depends on the
 * library gets the endpoint, the authentication and the tools from auto-configuration,
 * and its own tool, handler and listener beans are found wherever they are. The server's
 * own defaults (its name, actuator exposure) do not reach it; the library's do.
 */
@SpringBootTest(classes = AcmeCallsApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "vapi.security.hmac.secrets=" + AcmeCallsApplicationTests.SECRET)
class AcmeCallsApplicationTests {

	static final String SECRET = "whsec-acme";

	@LocalServerPort
	int port;

	@Autowired
	AcmeBeans.Reports reports;

	@Autowired
	Environment environment;

	@Test
	void answersToolCallsWithTheApplicationsOwnTool() {
		String reply = post("""
				{"message":{"type":"tool-calls","call":{"id":"acme-1"},"toolCallList":[{"id":"tc-1","type":"function",
				"function":{"name":"order_status","arguments":{"orderNumber":"A-17"}}}],"toolWithToolCallList":[]}}""");
		assertThat(reply).isEqualTo(
				"{\"results\":[{\"name\":\"order_status\",\"toolCallId\":\"tc-1\",\"result\":\"Order A-17 ships tomorrow.\"}]}");
	}

	@Test
	void answersAssistantRequestsWithTheApplicationsOwnHandler() {
		assertThat(post("{\"message\":{\"type\":\"assistant-request\",\"call\":{\"id\":\"acme-2\"}}}"))
			.isEqualTo("{\"assistantId\":\"acme-assistant\"}");
	}

	@Test
	void deliversReportsToTheApplicationsOwnListener() {
		post("{\"message\":{\"type\":\"end-of-call-report\",\"endedReason\":\"customer-ended-call\","
				+ "\"call\":{\"id\":\"acme-3\"},\"analysis\":{},\"artifact\":{}}}");
		await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(this.reports.calls()).contains("acme-3"));
	}

	@Test
	void refusesUnsignedRequests() {
		int status = RestClient.create("http://127.0.0.1:" + this.port)
			.post()
			.uri("/vapi/webhook")
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"message\":{\"type\":\"hang\"}}")
			.exchange((request, response) -> response.getStatusCode().value());
		assertThat(status).isEqualTo(401);
	}

	@Test
	void getsTheLibrarysDefaultsButNotTheServers() {
		assertThat(this.environment.getProperty("server.tomcat.max-swallow-size")).isEqualTo("0");
		assertThat(this.environment.getProperty("spring.application.name")).isNull();
		assertThat(this.environment.getProperty("management.endpoints.web.exposure.include")).isNull();
	}

	private String post(String body) {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		return RestClient.create("http://127.0.0.1:" + this.port)
			.post()
			.uri("/vapi/webhook")
			.contentType(MediaType.APPLICATION_JSON)
			.headers((headers) -> WebhookSigner.hmac(SECRET).headersFor(bytes, Instant.now()).forEach(headers::add))
			.body(bytes)
			.retrieve()
			.body(String.class);
	}

}

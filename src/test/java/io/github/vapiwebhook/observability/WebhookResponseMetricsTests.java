package io.github.vapiwebhook.observability;

import java.nio.charset.StandardCharsets;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookResponseMetricsTests {

	private static final byte[] HANG = "{\"message\":{\"type\":\"hang\",\"call\":{\"id\":\"call-metrics-1\"}}}"
		.getBytes(StandardCharsets.UTF_8);

	static int post(int port, String secret, MediaType type, byte[] body) {
		return RestClient.create("http://127.0.0.1:" + port)
			.post()
			.uri("/vapi/webhook")
			.header("X-Vapi-Secret", secret)
			.contentType(type)
			.body(body)
			.exchange((request, response) -> response.getStatusCode().value());
	}

	static double responses(MeterRegistry registry, String status) {
		Counter counter = registry.find(ResponseStatusFilter.RESPONSES).tag("status", status).counter();
		return (counter != null) ? counter.count() : 0;
	}

	static double httpServerRequestsOnTheWebhook(MeterRegistry registry) {
		return registry.find("http.server.requests")
			.tag("uri", (uri) -> uri.contains("webhook"))
			.timers()
			.stream()
			.mapToDouble((timer) -> timer.count())
			.sum();
	}

	@Nested
	@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
			properties = { "vapi.security.shared-secret.secrets=test-secret", "vapi.webhook.max-body-size=1KB" })
	class ByDefault {

		@LocalServerPort
		int port;

		@Autowired
		MeterRegistry registry;

		@Test
		void everyAnswerOfTheWebhookPathIsCountedByStatusOnly() {
			double ok = responses(this.registry, "200");
			double unauthorized = responses(this.registry, "401");
			double tooLarge = responses(this.registry, "413");
			double unsupported = responses(this.registry, "415");
			assertThat(post(this.port, "test-secret", MediaType.APPLICATION_JSON, HANG)).isEqualTo(200);
			assertThat(post(this.port, "wrong-secret", MediaType.APPLICATION_JSON, HANG)).isEqualTo(401);
			assertThat(post(this.port, "test-secret", MediaType.APPLICATION_JSON, new byte[2048])).isEqualTo(413);
			assertThat(post(this.port, "test-secret", MediaType.TEXT_PLAIN, HANG)).isEqualTo(415);
			assertThat(responses(this.registry, "200")).isEqualTo(ok + 1);
			assertThat(responses(this.registry, "401")).isEqualTo(unauthorized + 1);
			assertThat(responses(this.registry, "413")).isEqualTo(tooLarge + 1);
			assertThat(responses(this.registry, "415")).isEqualTo(unsupported + 1);
			assertThat(this.registry.find(ResponseStatusFilter.RESPONSES).counters())
				.allSatisfy((counter) -> assertThat(counter.getId().getTags()).extracting(Tag::getKey)
					.containsOnly("application", "status"));
		}

		@Test
		void webhookPathIsLeftOutOfHttpServerRequests() throws Exception {
			assertThat(post(this.port, "test-secret", MediaType.APPLICATION_JSON, HANG)).isEqualTo(200);
			// a later request to another path is observed: by then the webhook's would be
			// too
			RestClient.create("http://127.0.0.1:" + this.port)
				.get()
				.uri("/actuator/health")
				.retrieve()
				.toBodilessEntity();
			for (int i = 0; i < 50
					&& this.registry.find("http.server.requests").tag("uri", "/actuator/health").timer() == null; i++) {
				Thread.sleep(20);
			}
			assertThat(this.registry.find("http.server.requests").tag("uri", "/actuator/health").timer()).isNotNull();
			assertThat(httpServerRequestsOnTheWebhook(this.registry)).isZero();
		}

	}

	@Nested
	@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
			"vapi.security.shared-secret.secrets=test-secret", "vapi.observability.http-server-requests=true" })
	class WhenSwitchedOn {

		@LocalServerPort
		int port;

		@Autowired
		MeterRegistry registry;

		@Test
		void webhookPathIsInHttpServerRequests() throws Exception {
			double before = httpServerRequestsOnTheWebhook(this.registry);
			assertThat(post(this.port, "test-secret", MediaType.APPLICATION_JSON, HANG)).isEqualTo(200);
			// the observation stops after the answer has been sent
			for (int i = 0; i < 50 && httpServerRequestsOnTheWebhook(this.registry) == before; i++) {
				Thread.sleep(20);
			}
			assertThat(httpServerRequestsOnTheWebhook(this.registry)).isEqualTo(before + 1);
			// tagged with the path pattern, as Spring MVC would, though the fast path
			// answered
			assertThat(this.registry.find("http.server.requests").tag("uri", "/vapi/webhook").timer()).isNotNull();
		}

	}

}

package io.github.vapiwebhook.observability;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.vapiwebhook.security.WebhookSigner;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every vapi meter carries a description: Prometheus shows it as the HELP line, Grafana
 * as the metric's help.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "vapi.security.hmac.secrets=test-hmac-secret", "vapi.examples.enabled=true",
				"vapi.management.tokens=test-management-token", "vapi.tools.max-calls-per-message=1" })
class MeterDescriptionTests {

	private static final Pattern HELP = Pattern.compile("^# HELP (vapi_\\S+) ?(.*)$", Pattern.MULTILINE);

	@LocalServerPort
	int port;

	@Autowired
	MeterRegistry registry;

	@Test
	void everyVapiMeterHasADescription() {
		exerciseTheWebhook();
		List<Meter> meters = this.registry.getMeters()
			.stream()
			.filter((meter) -> meter.getId().getName().startsWith("vapi."))
			.toList();
		assertThat(meters).extracting((meter) -> meter.getId().getName())
			.contains("vapi.webhook.messages", "vapi.webhook.handling", "vapi.webhook.auth.rejections",
					"vapi.webhook.responses", "vapi.webhook.body.size", "vapi.tools.calls", "vapi.tools.refused");
		assertThat(meters)
			.allSatisfy((meter) -> assertThat(meter.getId().getDescription()).as(meter.getId().getName()).isNotBlank());
	}

	@ParameterizedTest
	@ValueSource(strings = { "text/plain;version=0.0.4", "application/openmetrics-text;version=1.0.0" })
	void everyVapiMeterHasAHelpLineInThePrometheusScrape(String format) {
		exerciseTheWebhook();
		String scrape = client().get()
			.uri("/actuator/prometheus")
			.header("Authorization", "Bearer test-management-token")
			.header("Accept", format)
			.retrieve()
			.body(String.class);
		Matcher help = HELP.matcher(scrape);
		int count = 0;
		while (help.find()) {
			count++;
			assertThat(help.group(2)).as(help.group(1)).isNotBlank();
		}
		assertThat(count).isGreaterThan(10);
		assertThat(scrape).containsPattern("# HELP vapi_webhook_auth_rejections(_total)? \\S");
	}

	@Test
	void everyVapiMeterHasADescriptionInTheMetricsEndpoint() {
		exerciseTheWebhook();
		List<String> names = this.registry.getMeters()
			.stream()
			.map((meter) -> meter.getId().getName())
			.filter((name) -> name.startsWith("vapi."))
			.distinct()
			.toList();
		assertThat(names).isNotEmpty();
		JsonMapper mapper = new JsonMapper();
		assertThat(names).allSatisfy((name) -> {
			String body = client().get()
				.uri("/actuator/metrics/" + name)
				.header("Authorization", "Bearer test-management-token")
				.retrieve()
				.body(String.class);
			assertThat(mapper.readTree(body).path("description").asString("")).as(name).isNotBlank();
		});
	}

	private void exerciseTheWebhook() {
		post("{\"message\":{\"type\":\"status-update\",\"status\":\"in-progress\",\"call\":{\"id\":\"call-m1\"}}}",
				true);
		post("{\"message\":{\"type\":\"tool-calls\",\"call\":{\"id\":\"call-m1\"},\"toolCallList\":["
				+ "{\"id\":\"t1\",\"type\":\"function\",\"function\":{\"name\":\"current_time\",\"arguments\":{}}}]}}",
				true);
		post("{\"message\":{\"type\":\"tool-calls\",\"call\":{\"id\":\"call-m1\"},\"toolCallList\":["
				+ "{\"id\":\"t2\",\"type\":\"function\",\"function\":{\"name\":\"current_time\",\"arguments\":{}}},"
				+ "{\"id\":\"t3\",\"type\":\"function\",\"function\":{\"name\":\"current_time\",\"arguments\":{}}}]}}",
				true);
		post("{\"message\":{\"type\":\"hang\",\"call\":{\"id\":\"call-m1\"}}}", false);
	}

	private void post(String body, boolean signed) {
		Map<String, String> headers = signed ? WebhookSigner.hmac("test-hmac-secret").headersFor(body, Instant.now())
				: Map.of();
		client().post()
			.uri("/vapi/webhook")
			.contentType(MediaType.APPLICATION_JSON)
			.headers((http) -> headers.forEach(http::add))
			.body(body)
			.exchange((request, response) -> response.getStatusCode().value());
	}

	private RestClient client() {
		return RestClient.create("http://127.0.0.1:" + this.port);
	}

}

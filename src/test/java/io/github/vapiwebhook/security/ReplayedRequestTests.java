package io.github.vapiwebhook.security;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A captured signed request sent again inside the replay window, over real HTTP: it is
 * answered as the first was, and not dispatched a second time.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "vapi.security.hmac.secrets=" + ReplayedRequestTests.SECRET, "vapi.examples.enabled=true" })
class ReplayedRequestTests {

	static final String SECRET = "whsec-replays";

	private static final String REPORT = "{\"message\":{\"type\":\"end-of-call-report\",\"endedReason\":\"customer-ended-call\","
			+ "\"call\":{\"id\":\"call-replayed\"},\"analysis\":{\"summary\":\"s\"},\"artifact\":{}}}";

	private static final String TOOL_CALLS = "{\"message\":{\"type\":\"tool-calls\",\"call\":{\"id\":\"call-replayed\"},"
			+ "\"toolCallList\":[{\"id\":\"call_t1\",\"type\":\"function\",\"function\":{\"name\":\"current_time\","
			+ "\"arguments\":{\"timeZone\":\"Europe/Paris\"}}}],\"toolWithToolCallList\":[]}}";

	@LocalServerPort
	int port;

	@Autowired
	MeterRegistry meters;

	@Test
	void aRepeatedEndOfCallReportIsAcknowledgedWithoutBeingDispatchedAgain() {
		Map<String, String> headers = WebhookSigner.hmac(SECRET).headersFor(REPORT, Instant.now());
		double dispatched = dispatched("end-of-call-report");
		double replays = replays();
		assertThat(post(REPORT, headers)).isEqualTo("200 {}");
		assertThat(post(REPORT, headers)).isEqualTo("200 {}");
		assertThat(dispatched("end-of-call-report")).isEqualTo(dispatched + 1);
		assertThat(replays()).isEqualTo(replays + 1);
	}

	@Test
	void aRepeatedToolCallGetsTheFirstReplyWithoutBeingDispatchedAgain() {
		Map<String, String> headers = WebhookSigner.hmac(SECRET).headersFor(TOOL_CALLS, Instant.now());
		double dispatched = dispatched("tool-calls");
		String first = post(TOOL_CALLS, headers);
		assertThat(first).startsWith("200 {\"results\":[{").contains("call_t1").contains("\"result\"");
		assertThat(post(TOOL_CALLS, headers)).isEqualTo(first);
		assertThat(dispatched("tool-calls")).isEqualTo(dispatched + 1);
	}

	@Test
	void theSameReportSignedAgainIsDispatchedAgain() {
		// a body of its own, which no other test signs
		String report = REPORT.replace("call-replayed", "call-signed-twice");
		double dispatched = dispatched("end-of-call-report");
		Instant now = Instant.now();
		post(report, WebhookSigner.hmac(SECRET).headersFor(report, now.minusSeconds(1)));
		post(report, WebhookSigner.hmac(SECRET).headersFor(report, now));
		assertThat(dispatched("end-of-call-report")).isEqualTo(dispatched + 2);
	}

	private double dispatched(String type) {
		Counter counter = this.meters.find("vapi.webhook.messages").tag("type", type).counter();
		return (counter != null) ? counter.count() : 0;
	}

	private double replays() {
		return this.meters.counter(ReplayGuard.REPLAYS).count();
	}

	private String post(String body, Map<String, String> headers) {
		return RestClient.create("http://127.0.0.1:" + this.port)
			.post()
			.uri("/vapi/webhook")
			.contentType(MediaType.APPLICATION_JSON)
			.headers((http) -> headers.forEach(http::add))
			.body(body.getBytes(StandardCharsets.UTF_8))
			.exchange((request, response) -> response.getStatusCode().value() + " "
					+ new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8));
	}

}

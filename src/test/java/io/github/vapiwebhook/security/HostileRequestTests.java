package io.github.vapiwebhook.security;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

import io.github.vapiwebhook.testing.RawHttp;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests an attacker sends, against the booted server over real HTTP: nothing is read
 * or allocated for the body of a request refused from its headers, and a body that does
 * not arrive is cut off. Timeouts are shortened so that the tests do not wait for the
 * defaults; the read timeouts below are upper bounds that a server which drained or held
 * the connection would exceed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "vapi.security.hmac.secrets=" + HostileRequestTests.SECRET, "vapi.webhook.body.timeout=1s",
				"server.tomcat.connection-timeout=1s" })
class HostileRequestTests {

	static final String SECRET = "whsec-hostile";

	@LocalServerPort
	int port;

	@Autowired
	MeterRegistry meters;

	@Test
	void unsignedRequestDeclaring8MegabytesIsRefusedFromItsHeadersAndItsConnectionClosed() throws Exception {
		long sizesBefore = this.meters.summary("vapi.webhook.body.size").count();
		try (RawHttp http = new RawHttp(this.port, 4000)) {
			http.post("/vapi/webhook", json(8_000_000), "{\"message\"".getBytes(StandardCharsets.US_ASCII));
			RawHttp.Answer answer = http.readUntilClosed();
			assertThat(answer.status()).isEqualTo(401);
			assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
			assertThat(answer.header("Connection")).isEqualTo("close");
			// closed at once: Tomcat did not wait to drain the other 7,999,990 bytes
			assertThat(answer.closedByServer()).isTrue();
		}
		assertThat(this.meters.summary("vapi.webhook.body.size").count()).isEqualTo(sizesBefore);
		assertThat(this.meters.get("vapi.webhook.body.in.flight").gauge().value()).isZero();
	}

	@Test
	void unsignedRequestThatSendsNoBodyAtAllIsRefusedAndClosedWithoutWaitingForIt() throws Exception {
		try (RawHttp http = new RawHttp(this.port, 4000)) {
			http.post("/vapi/webhook", json(2048), new byte[0]);
			RawHttp.Answer answer = http.readUntilClosed();
			assertThat(answer.status()).isEqualTo(401);
			assertThat(answer.closedByServer()).isTrue();
		}
	}

	@Test
	void forgedSignatureWhoseBodyNeverArrivesIsA408AndItsConnectionClosed() throws Exception {
		double timeoutsBefore = this.meters.counter("vapi.webhook.body.rejections", "reason", "timeout").count();
		double answeredBefore = this.meters.counter("vapi.webhook.responses", "status", "408").count();
		Map<String, String> headers = json(100);
		headers.put("x-signature", HexFormat.of().formatHex(new byte[32]));
		headers.put("x-timestamp", Long.toString(Instant.now().getEpochSecond()));
		try (RawHttp http = new RawHttp(this.port, 6000)) {
			http.post("/vapi/webhook", headers, "{".getBytes(StandardCharsets.US_ASCII));
			RawHttp.Answer answer = http.readUntilClosed();
			assertThat(answer.status()).isEqualTo(408);
			assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
			assertThat(answer.body()).contains("\"status\":408");
			assertThat(answer.closedByServer()).isTrue();
		}
		assertThat(this.meters.counter("vapi.webhook.body.rejections", "reason", "timeout").count())
			.isEqualTo(timeoutsBefore + 1);
		assertThat(this.meters.counter("vapi.webhook.responses", "status", "408").count())
			.isEqualTo(answeredBefore + 1);
		assertThat(this.meters.get("vapi.webhook.body.in.flight").gauge().value()).isZero();
	}

	@Test
	void signatureOfTheWrongLengthIsRefusedBeforeTheBodyIsRead() throws Exception {
		Map<String, String> headers = json(1000);
		headers.put("x-signature", "abcd");
		headers.put("x-timestamp", Long.toString(Instant.now().getEpochSecond()));
		try (RawHttp http = new RawHttp(this.port, 4000)) {
			http.post("/vapi/webhook", headers, new byte[0]);
			RawHttp.Answer answer = http.readUntilClosed();
			assertThat(answer.status()).isEqualTo(401);
			assertThat(answer.closedByServer()).isTrue();
		}
	}

	private static Map<String, String> json(long contentLength) {
		Map<String, String> headers = new LinkedHashMap<>();
		headers.put("Content-Type", "application/json");
		headers.put("Content-Length", Long.toString(contentLength));
		return headers;
	}

}

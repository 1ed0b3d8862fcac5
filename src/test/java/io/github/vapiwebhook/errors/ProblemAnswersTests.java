package io.github.vapiwebhook.errors;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import io.github.vapiwebhook.security.WebhookSigner;
import io.github.vapiwebhook.testing.RawHttp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every answer of the server is a problem document, also where no controller of the
 * webhook answers: Tomcat's own refusals of malformed requests, the error path, and a 406
 * for an {@code Accept} header that allows no JSON or cannot be read.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "vapi.security.hmac.secrets=" + ProblemAnswersTests.SECRET)
class ProblemAnswersTests {

	static final String SECRET = "whsec-problems";

	private static final String HANG = "{\"message\":{\"type\":\"hang\",\"call\":{\"id\":\"call-1\"}}}";

	@LocalServerPort
	int port;

	@Test
	void aHeaderOf100KilobytesIsA400Problem() throws Exception {
		Map<String, String> headers = json(2);
		headers.put("X-Big", "a".repeat(100_000));
		assertProblem(send("/vapi/webhook", headers, "{}"), 400);
	}

	@Test
	void tooManyHeadersIsA400Problem() throws Exception {
		Map<String, String> headers = json(2);
		for (int i = 0; i < 200; i++) {
			headers.put("X-Many-" + i, "a");
		}
		assertProblem(send("/vapi/webhook", headers, "{}"), 400);
	}

	@Test
	void aPostToTheErrorPathIsA404Problem() throws Exception {
		RawHttp.Answer answer = send("/error", json(2), "{}");
		assertProblem(answer, 404);
	}

	@ParameterizedTest
	@ValueSource(strings = { ";;;", "text/html", "application/xml" })
	void aSignedRequestThatAcceptsNoJsonIsA406Problem(String accept) throws Exception {
		Map<String, String> headers = json(HANG.getBytes(StandardCharsets.UTF_8).length);
		headers.put("Accept", accept);
		headers.putAll(WebhookSigner.hmac(SECRET).headersFor(HANG, Instant.now()));
		RawHttp.Answer answer = send("/vapi/webhook", headers, HANG);
		assertProblem(answer, 406);
		assertThat(answer.body()).contains("application/json");
	}

	private RawHttp.Answer send(String path, Map<String, String> headers, String body) throws Exception {
		headers.put("Connection", "close");
		try (RawHttp http = new RawHttp(this.port, 5000)) {
			http.post(path, headers, body.getBytes(StandardCharsets.UTF_8));
			return http.readUntilClosed();
		}
	}

	private static void assertProblem(RawHttp.Answer answer, int status) {
		assertThat(answer.status()).isEqualTo(status);
		assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
		assertThat(answer.body()).contains("\"status\":" + status).contains("\"title\"");
	}

	private static Map<String, String> json(long contentLength) {
		Map<String, String> headers = new LinkedHashMap<>();
		headers.put("Content-Type", "application/json");
		headers.put("Content-Length", Long.toString(contentLength));
		return headers;
	}

}

package io.github.vapiwebhook.security;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

import static io.github.vapiwebhook.security.SignatureVerificationFilterTests.BODY;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The quickstart path: no credential configured, so the booted application prints a
 * generated secret and accepts only requests carrying it. (The header-names property only
 * gives this test a context of its own, so the startup log is its own.)
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "vapi.security.shared-secret.header-names=X-Vapi-Secret")
@ExtendWith(OutputCaptureExtension.class)
class GeneratedSecretTests {

	@LocalServerPort
	int port;

	@Test
	void acceptsOnlyTheGeneratedSecretPrintedAtStartup(CapturedOutput output) {
		Matcher matcher = Pattern.compile("Using generated webhook secret: (\\S+)").matcher(output.getOut());
		assertThat(matcher.find()).as("generated secret in the startup log").isTrue();
		String secret = matcher.group(1);
		assertThat(post("X-Vapi-Secret", secret)).isEqualTo(200);
		assertThat(post("X-Vapi-Secret", "anything-else")).isEqualTo(401);
		assertThat(post("Content-Type", "application/json")).isEqualTo(401);
	}

	private int post(String header, String value) {
		return RestClient.create("http://127.0.0.1:" + this.port)
			.post()
			.uri("/vapi/webhook")
			.contentType(MediaType.APPLICATION_JSON)
			.header(header, value)
			.body(BODY.getBytes(StandardCharsets.UTF_8))
			.exchange((request, response) -> response.getStatusCode().value());
	}

}

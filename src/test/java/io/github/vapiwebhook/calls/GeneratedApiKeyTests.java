package io.github.vapiwebhook.calls;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No API key configured: the booted application prints a generated key once and the API
 * accepts only it, never nothing. (The header-name property, at its default, only gives
 * this test a context of its own, so the startup log is its own.)
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "vapi.calls.api.header-name=X-Api-Key")
@ExtendWith(OutputCaptureExtension.class)
class GeneratedApiKeyTests {

	private static final Pattern GENERATED = Pattern.compile("Using generated API key: (\\S+)");

	@LocalServerPort
	int port;

	@Test
	void acceptsOnlyTheGeneratedKeyPrintedOnceAtStartup(CapturedOutput output) {
		Matcher matcher = GENERATED.matcher(output.getOut());
		assertThat(matcher.find()).as("generated key in the startup log").isTrue();
		String key = matcher.group(1);
		assertThat(get(key)).isEqualTo(200);
		assertThat(get("anything-else")).isEqualTo(401);
		assertThat(get(null)).isEqualTo(401);
		assertThat(output.getOut().split(Pattern.quote(key), -1)).as("lines with the key").hasSize(2);
	}

	private int get(@Nullable String key) {
		return RestClient.create("http://127.0.0.1:" + this.port).get().uri("/api/calls").headers((headers) -> {
			if (key != null) {
				headers.set("X-Api-Key", key);
			}
		}).exchange((request, response) -> response.getStatusCode().value());
	}

}

package io.github.vapiwebhook.observability;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "vapi.security.shared-secret.secrets=test-secret", "logging.level.root=DEBUG",
				"logging.level.vapi.webhook.requests=WARN", "logging.level.vapi.webhook.events=WARN" })
class MessageLogLevelTests {

	@LocalServerPort
	int port;

	@Test
	void messageLinesAreOffWhenTheirLoggersAreSetToWarn(CapturedOutput output) {
		for (String fixture : new String[] { "assistant-request", "speech-update" }) {
			int status = RestClient.create()
				.post()
				.uri("http://127.0.0.1:" + this.port + "/vapi/webhook")
				.contentType(MediaType.APPLICATION_JSON)
				.header("X-Vapi-Secret", "test-secret")
				.body(MessageLogTests.fixture(fixture))
				.exchange((request, response) -> response.getStatusCode().value());
			assertThat(status).isEqualTo(200);
		}
		assertThat(output.getAll()).contains("Completed 200 OK")
			.doesNotContain(MessageLog.REQUESTS)
			.doesNotContain(MessageLog.EVENTS);
	}

}

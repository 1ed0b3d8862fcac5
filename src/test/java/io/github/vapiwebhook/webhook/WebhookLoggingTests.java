package io.github.vapiwebhook.webhook;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.github.vapiwebhook.message.EndOfCallReportMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "vapi.security.shared-secret.secrets=test-secret", "logging.level.root=INFO" })
class WebhookLoggingTests {

	@LocalServerPort
	int port;

	@Autowired
	ReportSeen reportSeen;

	@Test
	void handlingMessagesLogsNoPhoneNumberEmailOrTranscriptAtInfo(CapturedOutput output) throws InterruptedException {
		for (String fixture : new String[] { "assistant-request", "tool-calls", "status-update", "transcript-final",
				"conversation-update", "voice-request", "unknown-type", "end-of-call-report" }) {
			post(WebhookTestSupport.fixtureBytes(fixture));
		}
		post("{\"message\":{\"type\":\"hang\",\"call\":\"+14155550123 dana.whitfield@example.com\"}}"
			.getBytes(StandardCharsets.UTF_8));
		post("{\"message\":{\"type\":\"hang\",\"customer\":{\"number\":[\"+14155550123\"]}}}"
			.getBytes(StandardCharsets.UTF_8));
		assertThat(this.reportSeen.latch.await(10, TimeUnit.SECONDS)).isTrue();
		assertThat(output).contains("Unsupported voice-request")
			.doesNotContain("+14155550123")
			.doesNotContain("+15105550199")
			.doesNotContain("dana.whitfield@example.com")
			.doesNotContain("Dana Whitfield")
			.doesNotContain("move my cleaning appointment")
			.doesNotContain("Delta Dental");
	}

	private void post(byte[] body) {
		RestClient.create()
			.post()
			.uri("http://127.0.0.1:" + this.port + "/vapi/webhook")
			.contentType(MediaType.APPLICATION_JSON)
			.header("X-Vapi-Secret", "test-secret")
			.body(body)
			.exchange((request, response) -> response.getStatusCode().value());
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class ReportListener {

		@Bean
		ReportSeen reportSeen() {
			return new ReportSeen();
		}

	}

	static class ReportSeen {

		final CountDownLatch latch = new CountDownLatch(1);

		@EventListener
		void onReport(EndOfCallReportMessage message) {
			this.latch.countDown();
		}

	}

}

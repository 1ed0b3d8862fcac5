package io.github.vapiwebhook.observability;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.github.vapiwebhook.message.ServerMessage;
import io.github.vapiwebhook.message.StatusUpdateMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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

/**
 * Handles a message full of personal data with every logger of the server and of Spring
 * MVC at TRACE, plus a careless listener that logs the whole message and the customer's
 * number: none of the personal data may reach the output.
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "vapi.security.shared-secret.secrets=test-secret", "logging.level.io.github.vapiwebhook=TRACE",
				"logging.level.org.springframework.web=TRACE" })
class LoggingRedactionTests {

	private static final String PHONE = "+14155550123";

	private static final String EMAIL = "jane.roe@example.org";

	private static final String SPOKEN = "my account number is seven seven three";

	@LocalServerPort
	int port;

	@Autowired
	CarelessListener listener;

	@Test
	void personalDataNeverReachesTheLog(CapturedOutput output) throws InterruptedException {
		String body = """
				{"message":{"type":"status-update","status":"forwarding","call":{"id":"call-redact-1",
				"customer":{"number":"%s","email":"%s"}},"customer":{"number":"%s","email":"%s","name":"Jane Roe"},
				"transcript":"User: %s","summary":"Jane Roe, %s","artifact":{"transcript":"User: %s",
				"messages":[{"role":"user","message":"%s","time":1,"secondsFromStart":1}]}}}
				""".formatted(PHONE, EMAIL, PHONE, EMAIL, SPOKEN, EMAIL, SPOKEN, SPOKEN);
		String reply = RestClient.create("http://127.0.0.1:" + this.port)
			.post()
			.uri("/vapi/webhook")
			.header("X-Vapi-Secret", "test-secret")
			.contentType(MediaType.APPLICATION_JSON)
			.body(body.getBytes(StandardCharsets.UTF_8))
			.retrieve()
			.body(String.class);
		assertThat(reply).isEqualTo("{}");
		assertThat(this.listener.logged.await(10, TimeUnit.SECONDS)).isTrue();
		assertThat(output.getAll()).contains("[call-redact-1 status-update] ")
			.doesNotContain(PHONE)
			.doesNotContain("4155550123")
			.doesNotContain(EMAIL)
			.doesNotContain(SPOKEN)
			.doesNotContain("Jane Roe");
	}

	@TestConfiguration
	static class Listeners {

		@Bean
		CarelessListener carelessListener() {
			return new CarelessListener();
		}

	}

	static class CarelessListener {

		private static final Logger logger = LoggerFactory.getLogger(CarelessListener.class);

		final CountDownLatch logged = new CountDownLatch(1);

		@EventListener
		void onStatus(StatusUpdateMessage message) {
			ServerMessage whole = message;
			logger.info("Received {} for customer {}", whole, message.customer().number());
			logger.info("Customer email {}, the whole customer {}, the artifact {}", message.customer().email(),
					message.customer(), message.artifact());
			this.logged.countDown();
		}

	}

}

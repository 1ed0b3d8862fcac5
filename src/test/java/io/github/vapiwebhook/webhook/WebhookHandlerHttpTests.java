package io.github.vapiwebhook.webhook;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

import io.github.vapiwebhook.message.AssistantRequestMessage;
import io.github.vapiwebhook.message.TransferDestinationRequestMessage;
import io.github.vapiwebhook.reply.AssistantRequestReply;
import io.github.vapiwebhook.reply.TransferDestination;
import io.github.vapiwebhook.reply.TransferDestinationReply;
import org.junit.jupiter.api.Test;
import org.skyscreamer.jsonassert.JSONAssert;
import org.skyscreamer.jsonassert.JSONCompareMode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "vapi.security.shared-secret.secrets=test-secret",
				"vapi.webhook.deadlines.transfer-destination-request=300ms",
				"vapi.webhook.defaults.transfer-error=Transfers are unavailable." })
class WebhookHandlerHttpTests {

	@LocalServerPort
	int port;

	@Autowired
	CountDownLatch release;

	@Test
	void handlerBeanAnswersOverHttp() throws Exception {
		String body = post("assistant-request");
		JSONAssert.assertEquals("""
				{"assistantId":"front-desk","assistantOverrides":{"variableValues":{"callerName":"Dana Whitfield"}}}""",
				body, JSONCompareMode.STRICT);
	}

	@Test
	void slowHandlerIsAnsweredWithTheFallbackWithinTheDeadline() throws Exception {
		long start = System.nanoTime();
		String body;
		try {
			body = post("transfer-destination-request");
		}
		finally {
			this.release.countDown();
		}
		Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
		JSONAssert.assertEquals("{\"error\":\"Transfers are unavailable.\"}", body, JSONCompareMode.STRICT);
		assertThat(elapsed).isGreaterThanOrEqualTo(Duration.ofMillis(300)).isLessThan(Duration.ofSeconds(3));
	}

	private String post(String fixture) {
		return RestClient.create()
			.post()
			.uri("http://127.0.0.1:" + this.port + "/vapi/webhook")
			.contentType(MediaType.APPLICATION_JSON)
			.header("X-Vapi-Secret", "test-secret")
			.body(WebhookTestSupport.fixtureBytes(fixture))
			.exchange((request, response) -> {
				assertThat(response.getStatusCode().value()).isEqualTo(200);
				return new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8);
			});
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Handlers {

		@Bean
		CountDownLatch release() {
			return new CountDownLatch(1);
		}

		@Bean
		ServerMessageHandler<AssistantRequestMessage, AssistantRequestReply> frontDesk() {
			return new ServerMessageHandler<>() {

				@Override
				public Class<AssistantRequestMessage> messageType() {
					return AssistantRequestMessage.class;
				}

				@Override
				public AssistantRequestReply handle(AssistantRequestMessage message) {
					ObjectNode overrides = JsonNodeFactory.instance.objectNode();
					overrides.putObject("variableValues").put("callerName", message.customer().name());
					return AssistantRequestReply.assistantId("front-desk", overrides);
				}

			};
		}

		@Bean
		ServerMessageHandler<TransferDestinationRequestMessage, TransferDestinationReply> slowTransfers(
				CountDownLatch release) {
			return new ServerMessageHandler<>() {

				@Override
				public Class<TransferDestinationRequestMessage> messageType() {
					return TransferDestinationRequestMessage.class;
				}

				@Override
				public TransferDestinationReply handle(TransferDestinationRequestMessage message) throws Exception {
					release.await();
					return TransferDestinationReply.to(TransferDestination.number("+15105550142"));
				}

			};
		}

	}

}

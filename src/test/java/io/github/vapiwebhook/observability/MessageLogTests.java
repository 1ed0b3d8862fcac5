package io.github.vapiwebhook.observability;

import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.CountDownLatch;

import io.github.vapiwebhook.message.FunctionCallMessage;
import io.github.vapiwebhook.message.TransferDestinationRequestMessage;
import io.github.vapiwebhook.reply.FunctionCallReply;
import io.github.vapiwebhook.reply.TransferDestination;
import io.github.vapiwebhook.reply.TransferDestinationReply;
import io.github.vapiwebhook.webhook.ServerMessageHandler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "vapi.security.shared-secret.secrets=test-secret", "logging.level.root=INFO",
				"logging.level.vapi.webhook.events=DEBUG",
				"vapi.webhook.deadlines.transfer-destination-request=200ms" })
class MessageLogTests {

	static final String CALL_ID = "c6f1e0a2-84b7-4d2e-b9a3-0f5d7c2e91aa";

	@LocalServerPort
	int port;

	@Autowired
	CountDownLatch release;

	@Test
	void answeredRequestMessageLogsOneInfoLineWithTypeCallIdOutcomeAndMilliseconds(CapturedOutput output) {
		post(MessageLogTests.fixture("assistant-request"));
		assertThat(requestLines(output)).singleElement()
			.asString()
			.contains(" INFO ")
			.containsPattern("assistant-request for call " + CALL_ID + ": answered in \\d+ ms");
	}

	@Test
	void toolCallsLineCountsTheToolCallsAnsweredWithAnError(CapturedOutput output) {
		// the fixture's four tool calls name tools that this application does not have
		post(MessageLogTests.fixture("tool-calls"));
		assertThat(requestLines(output)).singleElement()
			.asString()
			.containsPattern("tool-calls for call " + CALL_ID
					+ ": answered in \\d+ ms, 4 of 4 tool calls answered with an error$");
	}

	@Test
	void requestAnsweredByTheFallbackAfterTheDeadlineSaysSo(CapturedOutput output) {
		try {
			post(MessageLogTests.fixture("transfer-destination-request"));
		}
		finally {
			this.release.countDown();
		}
		assertThat(requestLines(output)).singleElement()
			.asString()
			.containsPattern("transfer-destination-request for call " + CALL_ID
					+ ": fallback reply sent after the deadline in \\d+ ms");
	}

	@Test
	void requestAnsweredByTheFallbackAfterAHandlerErrorSaysSo(CapturedOutput output) {
		post(MessageLogTests.fixture("function-call"));
		assertThat(requestLines(output)).singleElement()
			.asString()
			.containsPattern(
					"function-call for call " + CALL_ID + ": fallback reply sent after a handler error in \\d+ ms");
	}

	@Test
	void eventLogsOneDebugLineWithTypeCallIdAndMilliseconds(CapturedOutput output) {
		post(MessageLogTests.fixture("speech-update"));
		assertThat(output.getAll().lines().filter((line) -> line.contains(MessageLog.EVENTS))).singleElement()
			.asString()
			.contains(" DEBUG ")
			.containsPattern("speech-update for call " + CALL_ID + ": acknowledged in \\d+ ms");
		assertThat(requestLines(output)).isEmpty();
	}

	@Test
	void linesHoldNothingFromTheMessageContent(CapturedOutput output) {
		for (String fixture : new String[] { "assistant-request", "function-call", "speech-update",
				"conversation-update" }) {
			post(MessageLogTests.fixture(fixture));
		}
		assertThat(output.getAll().lines().filter((line) -> line.contains("vapi.webhook.")))
			.hasSizeGreaterThanOrEqualTo(4)
			.noneMatch((line) -> line.contains("+14155550123") || line.contains("+15105550199")
					|| line.contains("Dana Whitfield") || line.contains("dana.whitfield@example.com"));
	}

	private static java.util.List<String> requestLines(CapturedOutput output) {
		return output.getAll().lines().filter((line) -> line.contains(MessageLog.REQUESTS)).toList();
	}

	static byte[] fixture(String name) {
		try (InputStream in = MessageLogTests.class.getResourceAsStream("/messages/" + name + ".json")) {
			assertThat(in).as(name).isNotNull();
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private void post(byte[] body) {
		int status = RestClient.create()
			.post()
			.uri("http://127.0.0.1:" + this.port + "/vapi/webhook")
			.contentType(MediaType.APPLICATION_JSON)
			.header("X-Vapi-Secret", "test-secret")
			.body(body)
			.exchange((request, response) -> response.getStatusCode().value());
		assertThat(status).isEqualTo(200);
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Handlers {

		@Bean
		CountDownLatch release() {
			return new CountDownLatch(1);
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

		@Bean
		ServerMessageHandler<FunctionCallMessage, FunctionCallReply> failingFunction() {
			return new ServerMessageHandler<>() {

				@Override
				public Class<FunctionCallMessage> messageType() {
					return FunctionCallMessage.class;
				}

				@Override
				public FunctionCallReply handle(FunctionCallMessage message) {
					throw new IllegalStateException("the calendar is down");
				}

			};
		}

	}

}

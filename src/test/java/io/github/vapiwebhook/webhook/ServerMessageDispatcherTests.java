package io.github.vapiwebhook.webhook;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import io.github.vapiwebhook.message.AssistantRequestMessage;
import io.github.vapiwebhook.message.CampaignPredialMessage;
import io.github.vapiwebhook.message.KnowledgeBaseRequestMessage;
import io.github.vapiwebhook.message.ServerMessage;
import io.github.vapiwebhook.message.ToolCallsMessage;
import io.github.vapiwebhook.message.TransferDestinationRequestMessage;
import io.github.vapiwebhook.reply.AssistantRequestReply;
import io.github.vapiwebhook.reply.EndpointingReply;
import io.github.vapiwebhook.reply.FunctionCallReply;
import io.github.vapiwebhook.reply.HandoffDestinationReply;
import io.github.vapiwebhook.reply.KnowledgeBaseReply;
import io.github.vapiwebhook.reply.PredialReply;
import io.github.vapiwebhook.reply.ToolCallResult;
import io.github.vapiwebhook.reply.ToolCallsReply;
import io.github.vapiwebhook.reply.TransferDestination;
import io.github.vapiwebhook.reply.TransferDestinationReply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

@ExtendWith(OutputCaptureExtension.class)
class ServerMessageDispatcherTests {

	private static final Duration SHORT = Duration.ofMillis(200);

	private static final Duration LONG = Duration.ofSeconds(10);

	private final WebhookTestSupport support = new WebhookTestSupport();

	private final List<ServerMessage> inbox = new CopyOnWriteArrayList<>();

	private final CountDownLatch release = new CountDownLatch(1);

	private HandlerExecutor executor;

	@AfterEach
	void releaseAndStop() throws InterruptedException {
		this.release.countDown();
		if (this.executor != null) {
			this.executor.destroy();
		}
	}

	@Test
	void unconfiguredDefaultsAnswerEveryRequestType() {
		ServerMessageDispatcher dispatcher = dispatcher(Map.of(), LONG, WebhookTestSupport.unconfiguredDefaults());
		assertThat(dispatch(dispatcher, "assistant-request"))
			.isEqualTo(AssistantRequestReply.error("Sorry, we cannot take calls."));
		assertThat(dispatch(dispatcher, "tool-calls")).isEqualTo(new ToolCallsReply(List.of(
				ToolCallResult.failure("check_availability", "call_9rUj3bX2kQ1",
						"No tool with this name is available."),
				ToolCallResult.failure("lookup_patient", "call_9rUj3bX2kQ2", "No tool with this name is available."),
				ToolCallResult.failure("get_office_hours", "call_9rUj3bX2kQ3", "No tool with this name is available."),
				ToolCallResult.failure("send_confirmation_sms", "call_9rUj3bX2kQ4",
						"No tool with this name is available."))));
		assertThat(dispatch(dispatcher, "function-call"))
			.isEqualTo(new FunctionCallReply("No function with this name is available."));
		assertThat(dispatch(dispatcher, "transfer-destination-request"))
			.isEqualTo(TransferDestinationReply.refuse("No transfer destination is available."));
		assertThat(dispatch(dispatcher, "handoff-destination-request"))
			.isEqualTo(HandoffDestinationReply.refuse("No handoff destination is available."));
		assertThat(dispatch(dispatcher, "knowledge-base-request")).isEqualTo(KnowledgeBaseReply.documents(List.of()));
		assertThat(dispatch(dispatcher, "call.endpointing.request")).isEqualTo(new EndpointingReply(1.0));
		assertThat(dispatch(dispatcher, "campaign.predial")).isEqualTo(new PredialReply(true));
	}

	@Test
	void configuredDefaultsAnswerWithTheConfiguredValues() {
		WebhookProperties.Defaults defaults = new WebhookProperties.Defaults("9e4a2b71", null, "closed", "+15105550142",
				null, "no", "Billing", "no", 2.5, false, false, "failed");
		ServerMessageDispatcher dispatcher = dispatcher(Map.of(), LONG, defaults);
		assertThat(dispatch(dispatcher, "assistant-request")).isEqualTo(AssistantRequestReply.assistantId("9e4a2b71"));
		assertThat(dispatch(dispatcher, "transfer-destination-request"))
			.isEqualTo(TransferDestinationReply.to(TransferDestination.number("+15105550142")));
		assertThat(dispatch(dispatcher, "handoff-destination-request"))
			.isEqualTo(HandoffDestinationReply.toAssistantName("Billing"));
		assertThat(dispatch(dispatcher, "call.endpointing.request")).isEqualTo(new EndpointingReply(2.5));
		assertThat(dispatch(dispatcher, "campaign.predial")).isEqualTo(new PredialReply(false));
	}

	@Test
	void configuredTransientAssistantIsTheDefaultWhenNoIdIsSet() {
		WebhookProperties.Defaults defaults = new WebhookProperties.Defaults(null,
				Map.of("firstMessage", "Hello", "model", Map.of("provider", "openai")), "closed", null,
				"sip:desk@example.com", "no", null, "no", 1.0, true, false, "failed");
		ServerMessageDispatcher dispatcher = dispatcher(Map.of(), LONG, defaults);
		AssistantRequestReply reply = (AssistantRequestReply) dispatch(dispatcher, "assistant-request");
		assertThat(reply.assistant().get("firstMessage").asString()).isEqualTo("Hello");
		assertThat(reply.assistant().at("/model/provider").asString()).isEqualTo("openai");
		assertThat(dispatch(dispatcher, "transfer-destination-request"))
			.isEqualTo(TransferDestinationReply.to(TransferDestination.sip("sip:desk@example.com")));
	}

	@ParameterizedTest
	@ValueSource(strings = { "status-update", "end-of-call-report", "transcript", "hang", "voice-request",
			"chat.created", "unknown-type" })
	void eventsAndUnknownTypesAreAcknowledgedWithAnEmptyObjectAndQueued(String fixture) {
		ServerMessageDispatcher dispatcher = dispatcher(Map.of(), LONG, WebhookTestSupport.unconfiguredDefaults());
		ServerMessage message = this.support.fixture(fixture);
		assertThat(dispatcher.dispatch(message)).isSameAs(ServerMessageDispatcher.ACKNOWLEDGED);
		assertThat(this.inbox).containsExactly(message);
	}

	@Test
	void requestMessagesAlsoReachTheInboxAfterTheirAnswer() {
		ServerMessageDispatcher dispatcher = dispatcher(Map.of(), LONG, WebhookTestSupport.unconfiguredDefaults());
		ServerMessage message = this.support.fixture("tool-calls");
		dispatcher.dispatch(message);
		assertThat(this.inbox).containsExactly(message);
	}

	@Test
	void handlerBeanAnswersInsteadOfTheDefault() {
		ServerMessageHandler<AssistantRequestMessage, AssistantRequestReply> handler = handler(
				AssistantRequestMessage.class, (message) -> AssistantRequestReply.assistantId("from-handler"));
		ServerMessageDispatcher dispatcher = dispatcher(Map.of("myAssistantHandler", handler), LONG,
				WebhookTestSupport.unconfiguredDefaults());
		assertThat(dispatch(dispatcher, "assistant-request"))
			.isEqualTo(AssistantRequestReply.assistantId("from-handler"));
		assertThat(dispatch(dispatcher, "transfer-destination-request"))
			.isEqualTo(TransferDestinationReply.refuse("No transfer destination is available."));
	}

	@Test
	void handlerReceivesTheTypedMessage() {
		AtomicReference<ToolCallsMessage> received = new AtomicReference<>();
		ServerMessageHandler<ToolCallsMessage, ToolCallsReply> handler = handler(ToolCallsMessage.class, (message) -> {
			received.set(message);
			return new ToolCallsReply(List.of(ToolCallResult.success("check_availability", "call_9rUj3bX2kQ1", "ok")));
		});
		ServerMessageDispatcher dispatcher = dispatcher(Map.of("tools", handler), LONG,
				WebhookTestSupport.unconfiguredDefaults());
		ServerMessage message = this.support.fixture("tool-calls");
		dispatcher.dispatch(message);
		assertThat(received.get()).isSameAs(message);
	}

	@Test
	void twoHandlersForOneTypeAreRefusedNamingBothBeans() {
		ServerMessageHandler<TransferDestinationRequestMessage, TransferDestinationReply> first = handler(
				TransferDestinationRequestMessage.class, (message) -> TransferDestinationReply.refuse("a"));
		ServerMessageHandler<TransferDestinationRequestMessage, TransferDestinationReply> second = handler(
				TransferDestinationRequestMessage.class, (message) -> TransferDestinationReply.refuse("b"));
		Map<String, ServerMessageHandler<?, ?>> handlers = new java.util.LinkedHashMap<>();
		handlers.put("salesTransfers", first);
		handlers.put("supportTransfers", second);
		assertThatExceptionOfType(DuplicateHandlerException.class)
			.isThrownBy(() -> dispatcher(handlers, LONG, WebhookTestSupport.unconfiguredDefaults()))
			.withMessageContaining("TransferDestinationRequestMessage")
			.withMessageContaining("'salesTransfers'")
			.withMessageContaining("'supportTransfers'");
	}

	@Test
	void slowAssistantRequestHandlerGetsTheFallbackAndItsLateResultIsDiscarded(CapturedOutput output)
			throws InterruptedException {
		CountDownLatch finished = new CountDownLatch(1);
		ServerMessageHandler<AssistantRequestMessage, AssistantRequestReply> handler = handler(
				AssistantRequestMessage.class, (message) -> {
					this.release.await();
					finished.countDown();
					return AssistantRequestReply.assistantId("too-late");
				});
		ServerMessageDispatcher dispatcher = dispatcher(Map.of("slowHandler", handler), SHORT,
				WebhookTestSupport.unconfiguredDefaults());
		Object reply = dispatch(dispatcher, "assistant-request");
		assertThat(reply).isEqualTo(AssistantRequestReply.error("Sorry, we cannot take calls."));
		assertThat(output).contains("Handler slowHandler did not answer a assistant-request message within PT0.2S");
		this.release.countDown();
		assertThat(finished.await(5, TimeUnit.SECONDS)).isTrue();
		await().atMost(Duration.ofSeconds(5))
			.untilAsserted(
					() -> assertThat(output).contains("Late assistant-request reply from slowHandler discarded"));
		assertThat(reply).isEqualTo(AssistantRequestReply.error("Sorry, we cannot take calls."));
	}

	@Test
	void slowToolHandlerGetsAnErrorResultPerCall() {
		ServerMessageHandler<ToolCallsMessage, ToolCallsReply> handler = handler(ToolCallsMessage.class, (message) -> {
			this.release.await();
			return new ToolCallsReply(List.of());
		});
		ServerMessageDispatcher dispatcher = dispatcher(Map.of("tools", handler), SHORT,
				WebhookTestSupport.unconfiguredDefaults());
		ToolCallsReply reply = (ToolCallsReply) dispatch(dispatcher, "tool-calls");
		assertThat(reply.results()).hasSize(4)
			.allSatisfy(
					(result) -> assertThat(result.error()).isEqualTo("The request could not be completed in time."));
		assertThat(reply.results()).extracting(ToolCallResult::toolCallId)
			.containsExactly("call_9rUj3bX2kQ1", "call_9rUj3bX2kQ2", "call_9rUj3bX2kQ3", "call_9rUj3bX2kQ4");
	}

	@Test
	void perTypeDeadlineOverridesTheReplyDeadline() {
		ServerMessageHandler<KnowledgeBaseRequestMessage, KnowledgeBaseReply> handler = handler(
				KnowledgeBaseRequestMessage.class, (message) -> {
					this.release.await();
					return KnowledgeBaseReply.say("late");
				});
		WebhookProperties properties = WebhookTestSupport.properties(Duration.ofMillis(6500), LONG,
				Map.of("knowledge-base-request", SHORT), WebhookTestSupport.unconfiguredDefaults());
		ServerMessageDispatcher dispatcher = dispatcher(Map.of("kb", handler), properties);
		assertThat(dispatch(dispatcher, "knowledge-base-request")).isEqualTo(KnowledgeBaseReply.documents(List.of()));
	}

	@Test
	void failingHandlerGetsTheFallback(CapturedOutput output) {
		ServerMessageHandler<CampaignPredialMessage, PredialReply> handler = handler(CampaignPredialMessage.class,
				(message) -> {
					throw new IllegalStateException("CRM is down");
				});
		ServerMessageDispatcher dispatcher = dispatcher(Map.of("crmPredial", handler), LONG,
				WebhookTestSupport.unconfiguredDefaults());
		assertThat(dispatch(dispatcher, "campaign.predial")).isEqualTo(new PredialReply(false));
		assertThat(output).contains("Handler crmPredial failed on a campaign.predial").contains("CRM is down");
	}

	@Test
	void handlerThrowingCheckedExceptionGetsTheFallback() {
		ServerMessageHandler<AssistantRequestMessage, AssistantRequestReply> handler = handler(
				AssistantRequestMessage.class, (message) -> {
					throw new java.io.IOException("lookup failed");
				});
		ServerMessageDispatcher dispatcher = dispatcher(Map.of("lookup", handler), LONG,
				WebhookTestSupport.unconfiguredDefaults());
		assertThat(dispatch(dispatcher, "assistant-request"))
			.isEqualTo(AssistantRequestReply.error("Sorry, we cannot take calls."));
	}

	@Test
	void handlerReturningNullGetsTheFallback() {
		ServerMessageHandler<TransferDestinationRequestMessage, TransferDestinationReply> handler = handler(
				TransferDestinationRequestMessage.class, (message) -> null);
		ServerMessageDispatcher dispatcher = dispatcher(Map.of("nothing", handler), LONG,
				WebhookTestSupport.unconfiguredDefaults());
		assertThat(dispatch(dispatcher, "transfer-destination-request"))
			.isEqualTo(TransferDestinationReply.refuse("No transfer destination is available."));
	}

	private Object dispatch(ServerMessageDispatcher dispatcher, String fixture) {
		return dispatcher.dispatch(this.support.fixture(fixture));
	}

	private ServerMessageDispatcher dispatcher(Map<String, ServerMessageHandler<?, ?>> handlers, Duration deadline,
			WebhookProperties.Defaults defaults) {
		return dispatcher(handlers,
				WebhookTestSupport.properties(
						deadline.compareTo(Duration.ofMillis(7000)) < 0 ? deadline : Duration.ofMillis(6500), deadline,
						Map.of(), defaults));
	}

	private ServerMessageDispatcher dispatcher(Map<String, ServerMessageHandler<?, ?>> handlers,
			WebhookProperties properties) {
		this.executor = new HandlerExecutor(properties);
		return new ServerMessageDispatcher(handlers, WebhookTestSupport.defaultReplies(properties), this.inbox::add,
				this.executor, properties, WebhookTestSupport.noObservers());
	}

	private static <M extends io.github.vapiwebhook.message.RequestMessage<R>, R> ServerMessageHandler<M, R> handler(
			Class<M> type, ThrowingHandler<M, R> body) {
		return new ServerMessageHandler<>() {

			@Override
			public Class<M> messageType() {
				return type;
			}

			@Override
			public R handle(M message) throws Exception {
				return body.handle(message);
			}

		};
	}

	@FunctionalInterface
	interface ThrowingHandler<M, R> {

		R handle(M message) throws Exception;

	}

}

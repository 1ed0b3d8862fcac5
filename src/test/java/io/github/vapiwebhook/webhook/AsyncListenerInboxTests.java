package io.github.vapiwebhook.webhook;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.github.vapiwebhook.message.HangMessage;
import io.github.vapiwebhook.message.ServerMessage;
import io.github.vapiwebhook.message.StatusUpdateMessage;
import io.github.vapiwebhook.message.TranscriptMessage;
import io.github.vapiwebhook.message.UnknownMessage;
import io.github.vapiwebhook.message.VoiceRequestMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@ExtendWith(OutputCaptureExtension.class)
class AsyncListenerInboxTests {

	private final WebhookTestSupport support = new WebhookTestSupport();

	private final WebhookProperties properties = WebhookTestSupport.properties(Duration.ofMillis(6500),
			Duration.ofSeconds(18), Map.of(), WebhookTestSupport.unconfiguredDefaults());

	private final HandlerExecutor executor = new HandlerExecutor(this.properties);

	private final CountDownLatch release = new CountDownLatch(1);

	@AfterEach
	void stop() throws InterruptedException {
		this.release.countDown();
		this.executor.destroy();
	}

	@Test
	void throwingAndSlowListenersDoNotAffectAnotherListenerOrTheAnswer(CapturedOutput output)
			throws InterruptedException {
		CountDownLatch slowStarted = new CountDownLatch(1);
		CountDownLatch healthyReceived = new CountDownLatch(1);
		ServerMessageListener<StatusUpdateMessage> throwing = listener(StatusUpdateMessage.class, (message) -> {
			throw new IllegalStateException("listener exploded");
		});
		ServerMessageListener<StatusUpdateMessage> slow = listener(StatusUpdateMessage.class, (message) -> {
			slowStarted.countDown();
			this.release.await();
		});
		ServerMessageListener<StatusUpdateMessage> healthy = listener(StatusUpdateMessage.class,
				(message) -> healthyReceived.countDown());
		ServerMessageDispatcher dispatcher = dispatcher(Map.of("throwing", throwing, "slow", slow, "healthy", healthy));
		Object answer = dispatcher.dispatch(this.support.fixture("status-update"));
		assertThat(answer).isSameAs(ServerMessageDispatcher.ACKNOWLEDGED);
		assertThat(healthyReceived.await(5, TimeUnit.SECONDS)).isTrue();
		assertThat(slowStarted.await(5, TimeUnit.SECONDS)).isTrue();
		assertThat(this.release.getCount()).as("slow listener still blocked after the answer").isEqualTo(1);
		await().atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(output).contains("failed on a status-update message")
				.contains("listener exploded"));
	}

	@Test
	void listenerReceivesOnlyItsTypeAndServerMessageListenerReceivesEverything() throws InterruptedException {
		List<ServerMessage> transcripts = new CopyOnWriteArrayList<>();
		List<ServerMessage> everything = new CopyOnWriteArrayList<>();
		CountDownLatch delivered = new CountDownLatch(4);
		ServerMessageDispatcher dispatcher = dispatcher(
				Map.of("transcripts", listener(TranscriptMessage.class, (message) -> {
					transcripts.add(message);
					delivered.countDown();
				}), "all", listener(ServerMessage.class, (message) -> {
					everything.add(message);
					delivered.countDown();
				})));
		ServerMessage transcript = this.support.fixture("transcript-final");
		ServerMessage hang = this.support.fixture("hang");
		ServerMessage tools = this.support.fixture("tool-calls");
		dispatcher.dispatch(transcript);
		dispatcher.dispatch(hang);
		dispatcher.dispatch(tools);
		assertThat(delivered.await(5, TimeUnit.SECONDS)).isTrue();
		assertThat(transcripts).containsExactly(transcript);
		assertThat(everything).containsExactlyInAnyOrder(transcript, hang, tools);
	}

	@Test
	void messageAcceptedWhileShuttingDownIsStillDeliveredToItsListener() throws InterruptedException {
		List<ServerMessage> received = new CopyOnWriteArrayList<>();
		ServerMessageDispatcher dispatcher = dispatcher(
				Map.of("hangs", listener(HangMessage.class, (message) -> received.add(message))));
		this.executor.destroy();
		ServerMessage hang = this.support.fixture("hang");
		assertThat(dispatcher.dispatch(hang)).isEqualTo(ServerMessageDispatcher.ACKNOWLEDGED);
		assertThat(received).containsExactly(hang);
	}

	@Test
	void voiceRequestIsAcknowledgedWithOneClearWarning(CapturedOutput output) {
		ServerMessageDispatcher dispatcher = dispatcher(Map.of("voiceRequestWarning", new VoiceRequestWarning()));
		ServerMessage message = this.support.fixture("voice-request");
		assertThat(message).isInstanceOf(VoiceRequestMessage.class);
		assertThat(dispatcher.dispatch(message)).isSameAs(ServerMessageDispatcher.ACKNOWLEDGED);
		await().atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(output).contains("WARN").contains("Unsupported voice-request"));
		assertThat(output.toString().lines().filter((line) -> line.contains("Unsupported voice-request"))).hasSize(1)
			.allSatisfy((line) -> assertThat(line).contains("raw PCM")
				.doesNotContain("Your appointment is now on Wednesday"));
	}

	@Test
	void unknownTypeIsLoggedWithoutItsContent(CapturedOutput output) {
		ServerMessageDispatcher dispatcher = dispatcher(Map.of("unknownMessageLog", new UnknownMessageLog()));
		ServerMessage message = this.support.fixture("unknown-type");
		assertThat(message).isInstanceOf(UnknownMessage.class);
		assertThat(dispatcher.dispatch(message)).isSameAs(ServerMessageDispatcher.ACKNOWLEDGED);
		await().atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(output).contains("unknown type 'call.hologram.requested'"));
		assertThat(output).doesNotContain("+14155550123").doesNotContain("8k");
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private ServerMessageDispatcher dispatcher(Map<String, ServerMessageListener<?>> listeners) {
		StaticListableBeanFactory beans = new StaticListableBeanFactory();
		listeners.forEach(beans::addBean);
		ObjectProvider<ServerMessageListener<?>> provider = (ObjectProvider) beans
			.getBeanProvider(ServerMessageListener.class);
		AsyncListenerInbox inbox = new AsyncListenerInbox(new ListenerRegistry(provider), this.executor);
		return new ServerMessageDispatcher(Map.of(), WebhookTestSupport.defaultReplies(this.properties), inbox,
				this.executor, this.properties, WebhookTestSupport.noObservers());
	}

	private static <M extends ServerMessage> ServerMessageListener<M> listener(Class<M> type,
			ThrowingListener<M> body) {
		return new ServerMessageListener<>() {

			@Override
			public Class<M> messageType() {
				return type;
			}

			@Override
			public void onMessage(M message) throws Exception {
				body.onMessage(message);
			}

		};
	}

	@FunctionalInterface
	interface ThrowingListener<M> {

		void onMessage(M message) throws Exception;

	}

}

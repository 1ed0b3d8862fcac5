package io.github.vapiwebhook.webhook;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
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

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.event.EventListener;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The in-memory inbox: every answered message becomes an application event, published on
 * the handler executor after the answer, for {@code @EventListener} methods.
 */
@ExtendWith(OutputCaptureExtension.class)
class AsyncListenerInboxTests {

	private final WebhookTestSupport support = new WebhookTestSupport();

	private final WebhookProperties properties = WebhookTestSupport.properties(Duration.ofMillis(6500),
			Duration.ofSeconds(18), Map.of(), WebhookTestSupport.unconfiguredDefaults());

	private final HandlerExecutor executor = new HandlerExecutor(this.properties);

	private final AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext();

	@AfterEach
	void stop() throws InterruptedException {
		if (this.context.isActive() && !this.context.getBeansOfType(Slow.class).isEmpty()) {
			this.context.getBean(Slow.class).release.countDown();
		}
		this.executor.destroy();
		this.context.close();
	}

	@Test
	void aSlowListenerDoesNotDelayTheAnswer() throws InterruptedException {
		ServerMessageDispatcher dispatcher = dispatcher(Slow.class);
		Slow slow = this.context.getBean(Slow.class);
		Object answer = dispatcher.dispatch(this.support.fixture("status-update"));
		assertThat(answer).isSameAs(ServerMessageDispatcher.ACKNOWLEDGED);
		assertThat(slow.started.await(5, TimeUnit.SECONDS)).isTrue();
		assertThat(slow.release.getCount()).as("the listener is still blocked after the answer").isEqualTo(1);
	}

	@Test
	void aThrowingListenerIsLoggedAndLeavesTheAnswerAlone(CapturedOutput output) {
		ServerMessageDispatcher dispatcher = dispatcher(Throwing.class);
		assertThat(dispatcher.dispatch(this.support.fixture("status-update")))
			.isSameAs(ServerMessageDispatcher.ACKNOWLEDGED);
		await().atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(output).contains("A listener failed on a status-update message")
				.contains("listener exploded"));
	}

	@Test
	void aListenerReceivesOnlyItsTypeAndOneOfServerMessageReceivesEverything() throws InterruptedException {
		ServerMessageDispatcher dispatcher = dispatcher(Routing.class);
		Routing routing = this.context.getBean(Routing.class);
		ServerMessage transcript = this.support.fixture("transcript-final");
		ServerMessage hang = this.support.fixture("hang");
		ServerMessage tools = this.support.fixture("tool-calls");
		dispatcher.dispatch(transcript);
		dispatcher.dispatch(hang);
		dispatcher.dispatch(tools);
		assertThat(routing.delivered.await(5, TimeUnit.SECONDS)).isTrue();
		assertThat(routing.transcripts).containsExactly(transcript);
		assertThat(routing.everything).containsExactlyInAnyOrder(transcript, hang, tools);
	}

	@Test
	void aMessageAcceptedWhileShuttingDownIsStillPublished() throws InterruptedException {
		ServerMessageDispatcher dispatcher = dispatcher(Hangs.class);
		this.executor.destroy();
		ServerMessage hang = this.support.fixture("hang");
		assertThat(dispatcher.dispatch(hang)).isEqualTo(ServerMessageDispatcher.ACKNOWLEDGED);
		assertThat(this.context.getBean(Hangs.class).received).containsExactly(hang);
	}

	@Test
	void voiceRequestIsAcknowledgedWithOneClearWarning(CapturedOutput output) {
		ServerMessageDispatcher dispatcher = dispatcher(VoiceRequestWarning.class);
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
		ServerMessageDispatcher dispatcher = dispatcher(UnknownMessageLog.class);
		ServerMessage message = this.support.fixture("unknown-type");
		assertThat(message).isInstanceOf(UnknownMessage.class);
		assertThat(dispatcher.dispatch(message)).isSameAs(ServerMessageDispatcher.ACKNOWLEDGED);
		await().atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(output).contains("unknown type 'call.hologram.requested'"));
		assertThat(output).doesNotContain("+14155550123").doesNotContain("8k");
	}

	@Test
	void pastItsBacklogAMessageIsPublishedBeforeTheAnswerInsteadOfWaitingInMemory() throws InterruptedException {
		ServerMessageDispatcher dispatcher = dispatcher(1, FirstBlocks.class);
		FirstBlocks listener = this.context.getBean(FirstBlocks.class);
		ServerMessage first = this.support.fixture("hang");
		ServerMessage second = this.support.fixture("status-update");
		assertThat(dispatcher.dispatch(first)).isSameAs(ServerMessageDispatcher.ACKNOWLEDGED);
		assertThat(listener.firstStarted.await(5, TimeUnit.SECONDS)).isTrue();
		// the one place in the backlog is taken by the first, still with its listener
		assertThat(dispatcher.dispatch(second)).isSameAs(ServerMessageDispatcher.ACKNOWLEDGED);
		assertThat(listener.threads).containsEntry(second, Thread.currentThread());
		assertThat(listener.threads.get(first)).isNotSameAs(Thread.currentThread());
		listener.release.countDown();
	}

	private ServerMessageDispatcher dispatcher(Class<?>... listeners) {
		return dispatcher(64, listeners);
	}

	private ServerMessageDispatcher dispatcher(int backlog, Class<?>... listeners) {
		this.context.register(listeners);
		this.context.refresh();
		AsyncListenerInbox inbox = new AsyncListenerInbox(this.context, this.executor, backlog);
		return new ServerMessageDispatcher(Map.of(), WebhookTestSupport.defaultReplies(this.properties), inbox,
				this.executor, this.properties, WebhookTestSupport.noObservers());
	}

	static class FirstBlocks {

		final Map<ServerMessage, Thread> threads = new ConcurrentHashMap<>();

		final CountDownLatch firstStarted = new CountDownLatch(1);

		final CountDownLatch release = new CountDownLatch(1);

		@EventListener
		void on(ServerMessage message) throws InterruptedException {
			this.threads.put(message, Thread.currentThread());
			if (message instanceof HangMessage) {
				this.firstStarted.countDown();
				this.release.await(10, TimeUnit.SECONDS);
			}
		}

	}

	static class Slow {

		final CountDownLatch started = new CountDownLatch(1);

		final CountDownLatch release = new CountDownLatch(1);

		@EventListener
		void on(StatusUpdateMessage message) throws InterruptedException {
			this.started.countDown();
			this.release.await(10, TimeUnit.SECONDS);
		}

	}

	static class Throwing {

		@EventListener
		void on(StatusUpdateMessage message) {
			throw new IllegalStateException("listener exploded");
		}

	}

	static class Routing {

		final List<ServerMessage> transcripts = new CopyOnWriteArrayList<>();

		final List<ServerMessage> everything = new CopyOnWriteArrayList<>();

		final CountDownLatch delivered = new CountDownLatch(4);

		@EventListener
		void onTranscript(TranscriptMessage message) {
			this.transcripts.add(message);
			this.delivered.countDown();
		}

		@EventListener
		void onAny(ServerMessage message) {
			this.everything.add(message);
			this.delivered.countDown();
		}

	}

	static class Hangs {

		final List<ServerMessage> received = new CopyOnWriteArrayList<>();

		@EventListener
		void on(HangMessage message) {
			this.received.add(message);
		}

	}

}

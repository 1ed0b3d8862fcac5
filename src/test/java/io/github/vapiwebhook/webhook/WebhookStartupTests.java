package io.github.vapiwebhook.webhook;

import java.time.Duration;

import io.github.vapiwebhook.message.AssistantRequestMessage;
import io.github.vapiwebhook.message.RequestMessage;
import io.github.vapiwebhook.message.ServerMessage;
import io.github.vapiwebhook.message.ToolCallsMessage;
import io.github.vapiwebhook.reply.AssistantRequestReply;
import io.github.vapiwebhook.reply.ToolCallsReply;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookStartupTests {

	private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class, JacksonAutoConfiguration.class,
				WebhookAutoConfiguration.class));

	@Test
	void startsWithOneHandlerPerType() {
		this.runner.withUserConfiguration(OneAssistantHandler.class).run((context) -> {
			assertThat(context).hasNotFailed().hasSingleBean(ServerMessageDispatcher.class);
			assertThat(context).hasSingleBean(VoiceRequestWarning.class).hasSingleBean(UnknownMessageLog.class);
		});
	}

	@Test
	void twoHandlersForOneTypeStopStartupNamingBothBeans() {
		this.runner.withUserConfiguration(OneAssistantHandler.class, AnotherAssistantHandler.class)
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.isInstanceOf(DuplicateHandlerException.class)
				.hasMessageContaining("AssistantRequestMessage")
				.hasMessageContaining("'inboundRouting'")
				.hasMessageContaining("'afterHoursRouting'"));
	}

	@Test
	void aHandlersMessageTypeIsReadFromItsTypeArguments() {
		this.runner.withBean("router", AssistantHandler.class).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context.getBean(AssistantHandler.class).messageType()).isEqualTo(AssistantRequestMessage.class);
			Object reply = context.getBean(ServerMessageDispatcher.class)
				.dispatch(new WebhookTestSupport().fixture("assistant-request"));
			assertThat(reply).isEqualTo(AssistantRequestReply.assistantId("a-1"));
		});
	}

	@Test
	void aHandlerWhoseMessageTypeCannotBeReadStopsStartupSayingWhatToDo() {
		this.runner.withBean("generic", GenericHandler.class)
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining(GenericHandler.class.getName())
				.hasMessageContaining("override messageType()"));
	}

	@Test
	void aListenerInboxOfTheApplicationReplacesTheBuiltInOneWithoutPrimary() {
		java.util.List<ServerMessage> taken = new java.util.concurrent.CopyOnWriteArrayList<>();
		this.runner.withBean("durableInbox", ListenerInbox.class, () -> taken::add).run((context) -> {
			assertThat(context).hasNotFailed().doesNotHaveBean(AsyncListenerInbox.class);
			context.getBean(ServerMessageDispatcher.class).dispatch(new WebhookTestSupport().fixture("hang"));
			assertThat(taken).hasSize(1);
		});
	}

	@Test
	void aHandlerExecutorOfTheApplicationReplacesTheBuiltInOne() {
		java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
		this.runner
			.withBean("myExecutor", HandlerExecutor.class, () -> new HandlerExecutor(pool, Duration.ofSeconds(1)))
			.run((context) -> assertThat(context).hasNotFailed()
				.getBean(HandlerExecutor.class)
				.isSameAs(context.getBean("myExecutor")));
		assertThat(pool.isShutdown()).isTrue();
	}

	@Test
	void handlersForDifferentTypesCoexist() {
		this.runner.withUserConfiguration(OneAssistantHandler.class, ToolsHandler.class)
			.run((context) -> assertThat(context).hasNotFailed());
	}

	@Test
	void assistantRequestDeadlineAtVapisLimitStopsStartup() {
		this.runner.withPropertyValues("vapi.webhook.assistant-request-deadline=7500ms")
			.run((context) -> assertThat(context).hasFailed().getFailure().rootCause().hasMessageContaining("7.5 s"));
	}

	@Test
	void assistantRequestDeadlineOverrideAtVapisLimitStopsStartup() {
		this.runner.withPropertyValues("vapi.webhook.deadlines.assistant-request=8s")
			.run((context) -> assertThat(context).hasFailed().getFailure().rootCause().hasMessageContaining("7.5 s"));
	}

	@Test
	void endpointingDefaultOutsideZeroToFifteenStopsStartup() {
		this.runner.withPropertyValues("vapi.webhook.defaults.endpointing-timeout-seconds=20")
			.run((context) -> assertThat(context).hasFailed());
	}

	@Test
	void blankAssistantRequestErrorStopsStartup() {
		this.runner.withPropertyValues("vapi.webhook.defaults.assistant-request-error= ")
			.run((context) -> assertThat(context).hasFailed());
	}

	@Test
	void pathWithoutLeadingSlashStopsStartup() {
		this.runner.withPropertyValues("vapi.webhook.path=vapi/webhook")
			.run((context) -> assertThat(context).hasFailed());
	}

	@Test
	void tinyBodyLimitStopsStartup() {
		this.runner.withPropertyValues("vapi.webhook.max-body-size=10B")
			.run((context) -> assertThat(context).hasFailed());
	}

	@Configuration(proxyBeanMethods = false)
	static class OneAssistantHandler {

		@Bean
		ServerMessageHandler<AssistantRequestMessage, AssistantRequestReply> inboundRouting() {
			return new AssistantHandler();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class AnotherAssistantHandler {

		@Bean
		ServerMessageHandler<AssistantRequestMessage, AssistantRequestReply> afterHoursRouting() {
			return new AssistantHandler();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class ToolsHandler {

		@Bean
		ServerMessageHandler<ToolCallsMessage, ToolCallsReply> tools() {
			return new ServerMessageHandler<>() {

				@Override
				public Class<ToolCallsMessage> messageType() {
					return ToolCallsMessage.class;
				}

				@Override
				public ToolCallsReply handle(ToolCallsMessage message) {
					return new ToolCallsReply(java.util.List.of());
				}

			};
		}

	}

	/** States its message type in its type arguments only. */
	static class AssistantHandler implements ServerMessageHandler<AssistantRequestMessage, AssistantRequestReply> {

		@Override
		public AssistantRequestReply handle(AssistantRequestMessage message) {
			return AssistantRequestReply.assistantId("a-1");
		}

	}

	/** Its type arguments are left to whoever creates it: nothing to read. */
	static class GenericHandler<M extends RequestMessage<R>, R> implements ServerMessageHandler<M, R> {

		@Override
		public R handle(M message) {
			throw new UnsupportedOperationException();
		}

	}

}

package io.github.vapiwebhook.webhook;

import io.github.vapiwebhook.message.AssistantRequestMessage;
import io.github.vapiwebhook.message.ToolCallsMessage;
import io.github.vapiwebhook.reply.AssistantRequestReply;
import io.github.vapiwebhook.reply.ToolCallsReply;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookStartupTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
		.withUserConfiguration(WebhookCore.class);

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
	@EnableConfigurationProperties(WebhookProperties.class)
	@Import({ ServerMessageDispatcher.class, AsyncListenerInbox.class, ListenerRegistry.class, HandlerExecutor.class,
			DefaultReplies.class, VoiceRequestWarning.class, UnknownMessageLog.class })
	static class WebhookCore {

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

	static class AssistantHandler implements ServerMessageHandler<AssistantRequestMessage, AssistantRequestReply> {

		@Override
		public Class<AssistantRequestMessage> messageType() {
			return AssistantRequestMessage.class;
		}

		@Override
		public AssistantRequestReply handle(AssistantRequestMessage message) {
			return AssistantRequestReply.assistantId("a-1");
		}

	}

}

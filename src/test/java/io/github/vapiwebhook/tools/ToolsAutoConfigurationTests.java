package io.github.vapiwebhook.tools;

import java.util.List;

import io.github.vapiwebhook.message.ServerMessageReader;
import io.github.vapiwebhook.message.ToolCallsMessage;
import io.github.vapiwebhook.reply.ToolCallResult;
import io.github.vapiwebhook.reply.ToolCallsReply;
import io.github.vapiwebhook.storage.StorageAutoConfiguration;
import io.github.vapiwebhook.testing.TestDatabases;
import io.github.vapiwebhook.webhook.HandlerExecutor;
import io.github.vapiwebhook.webhook.ServerMessageDispatcher;
import io.github.vapiwebhook.webhook.ServerMessageHandler;
import io.github.vapiwebhook.webhook.WebhookAutoConfiguration;
import io.github.vapiwebhook.webhook.WebhookProperties;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

class ToolsAutoConfigurationTests {

	private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
		.withUserConfiguration(Infrastructure.class)
		.withConfiguration(AutoConfigurations.of(ToolsAutoConfiguration.class));

	@Test
	void discoversToolsOfAllBeans() {
		this.runner.withBean("greeter", Greeter.class).withBean("adder", Adder.class).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context.getBean(ToolRegistry.class).definitions()).extracting((d) -> d.function().name())
				.containsExactly("add", "greet");
			assertThat(context).hasBean("toolCallsReply").hasBean("functionCallReply");
		});
	}

	@Test
	void duplicateToolNameStopsStartupNamingBothMethods() {
		this.runner.withBean("greeter", Greeter.class).withBean("otherGreeter", OtherGreeter.class).run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).isInstanceOf(InvalidToolException.class)
				.hasMessageContaining("Tool name 'greet' is declared twice")
				.hasMessageContaining("greeter.greet")
				.hasMessageContaining("otherGreeter.hello");
		});
	}

	@Test
	void invalidToolNameStopsStartupNamingTheMethod() {
		this.runner.withBean("badName", BadName.class).run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).isInstanceOf(InvalidToolException.class)
				.hasMessage("Tool name 'book appointment!' of badName.book must match ^[a-zA-Z0-9_-]{1,64}$");
		});
	}

	@Test
	void tooLongToolNameStopsStartup() {
		this.runner.withBean("longName", LongName.class).run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).isInstanceOf(InvalidToolException.class)
				.hasMessageContaining("longName.tool must match");
		});
	}

	@Test
	void badTimeoutStopsStartup() {
		this.runner.withBean("badTimeout", BadTimeout.class).run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).isInstanceOf(InvalidToolException.class)
				.hasMessageContaining("Timeout 'soon' of badTimeout.wait is not a duration");
		});
	}

	@Test
	void toolTimeoutNotBelowTheReplyDeadlineStopsStartup() {
		this.runner.withPropertyValues("vapi.tools.timeout=18s").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.hasMessageContaining("vapi.tools.timeout (PT18S) must be shorter than the tool-calls reply deadline");
		});
	}

	@Test
	void toolOwnTimeoutNotBelowTheReplyDeadlineStopsStartup() {
		this.runner.withBean("slowTool", SlowTool.class).run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).isInstanceOf(InvalidToolException.class)
				.hasMessage("Timeout PT30S of slowTool.crawl must be positive and shorter than the tool-calls and "
						+ "function-call reply deadlines PT18S");
		});
	}

	@Test
	void toolOwnTimeoutNotBelowAShorterFunctionCallDeadlineStopsStartup() {
		this.runner.withBean("slowTool", SlowTool.class)
			.withPropertyValues("vapi.webhook.reply-deadline=60s", "vapi.webhook.deadlines.function-call=20s")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).isInstanceOf(InvalidToolException.class)
					.hasMessageContaining("Timeout PT30S of slowTool.crawl")
					.hasMessageContaining("PT20S");
			});
	}

	@Test
	void nonPositiveTimeoutStopsStartup() {
		this.runner.withPropertyValues("vapi.tools.timeout=0s").run((context) -> assertThat(context).hasFailed());
	}

	@Test
	void maxCallsPerMessageDefaultsTo128() {
		this.runner
			.run((context) -> assertThat(context.getBean(ToolsProperties.class).maxCallsPerMessage()).isEqualTo(128));
	}

	@Test
	void nonPositiveMaxCallsPerMessageStopsStartup() {
		this.runner.withPropertyValues("vapi.tools.max-calls-per-message=0").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("maxCallsPerMessage");
		});
	}

	@Test
	void disabledToolsLeaveTheMessagesToOtherHandlers() {
		this.runner.withBean("greeter", Greeter.class).withPropertyValues("vapi.tools.enabled=false").run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).doesNotHaveBean(ToolRegistry.class)
				.doesNotHaveBean("toolCallsReply")
				.doesNotHaveBean("functionCallReply");
		});
	}

	@Test
	void ownResultStoreReplacesTheInMemoryOne() {
		this.runner
			.withBean(ToolResultStore.class,
					() -> (key, fingerprint, task) -> new ToolResultStore.StoredRun(fingerprint, task.get()))
			.run((context) -> {
				assertThat(context).hasSingleBean(ToolResultStore.class);
				assertThat(context).doesNotHaveBean(InMemoryToolResultStore.class);
			});
	}

	@Test
	void keepsResultsInMemoryWithoutADatabase() {
		this.runner.run((context) -> {
			assertThat(context).hasSingleBean(InMemoryToolResultStore.class);
			assertThat(context).doesNotHaveBean(JdbcToolResultStore.class);
		});
	}

	@Test
	void keepsResultsInTheDatabaseWhereTheServersTablesAre() {
		withDatabase(this.runner).run((context) -> {
			assertThat(context).hasSingleBean(ToolResultStore.class);
			assertThat(context).hasSingleBean(JdbcToolResultStore.class);
			assertThat(context).hasBean("toolResultCleanup");
		});
	}

	@Test
	void ownResultStoreReplacesTheDatabaseOne() {
		withDatabase(this.runner)
			.withBean(ToolResultStore.class,
					() -> (key, fingerprint, task) -> new ToolResultStore.StoredRun(fingerprint, task.get()))
			.run((context) -> {
				assertThat(context).hasSingleBean(ToolResultStore.class);
				assertThat(context).doesNotHaveBean(JdbcToolResultStore.class);
				assertThat(context).doesNotHaveBean("toolResultCleanup");
			});
	}

	@Test
	void takeOverTimeNotLongerThanTheReplyDeadlineStopsStartup() {
		withDatabase(this.runner)
			.withPropertyValues("vapi.tools.idempotency.take-over-after=18s", "vapi.webhook.reply-deadline=15s",
					"vapi.webhook.deadlines.function-call=18s")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).rootCause()
					.hasMessageContaining("vapi.tools.idempotency.take-over-after (PT18S) must be longer than the "
							+ "tool-calls and function-call reply deadlines (PT15S, PT18S)");
			});
	}

	@Test
	void runsTheToolsAsTheBuiltInReplyToToolCalls() {
		this.runner.withConfiguration(AutoConfigurations.of(WebhookAutoConfiguration.class))
			.withBean("greeter", Greeter.class)
			.run((context) -> {
				Object reply = context.getBean(ServerMessageDispatcher.class).dispatch(toolCalls("greet"));
				assertThat(reply)
					.isEqualTo(new ToolCallsReply(List.of(ToolCallResult.success("greet", "tc-1", "Hello Ada"))));
			});
	}

	@Test
	void aToolCallsHandlerOfTheApplicationAnswersInsteadOfTheTools() {
		ToolCallsReply own = new ToolCallsReply(List.of(ToolCallResult.success("greet", "tc-1", "mine")));
		this.runner.withConfiguration(AutoConfigurations.of(WebhookAutoConfiguration.class))
			.withBean("greeter", Greeter.class)
			.withBean("ownToolCalls", OwnToolCalls.class, () -> new OwnToolCalls(own))
			.run((context) -> assertThat(context.getBean(ServerMessageDispatcher.class).dispatch(toolCalls("greet")))
				.isEqualTo(own));
	}

	private static WebApplicationContextRunner withDatabase(WebApplicationContextRunner runner) {
		return runner
			.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, StorageAutoConfiguration.class))
			.withPropertyValues("spring.datasource.url=" + TestDatabases.newDatabase("h2"),
					"spring.datasource.username=sa");
	}

	private static ToolCallsMessage toolCalls(String tool) {
		return (ToolCallsMessage) new ServerMessageReader()
			.read(("{\"message\":{\"type\":\"tool-calls\",\"toolCallList\":[{\"id\":\"tc-1\",\"type\":\"function\","
					+ "\"function\":{\"name\":\"" + tool + "\",\"arguments\":{\"name\":\"Ada\"}}}]}}")
				.getBytes(java.nio.charset.StandardCharsets.UTF_8));
	}

	/** The application's own answer to tool-calls. */
	static class OwnToolCalls implements ServerMessageHandler<ToolCallsMessage, ToolCallsReply> {

		private final ToolCallsReply reply;

		OwnToolCalls(ToolCallsReply reply) {
			this.reply = reply;
		}

		@Override
		public ToolCallsReply handle(ToolCallsMessage message) {
			return this.reply;
		}

	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(WebhookProperties.class)
	static class Infrastructure {

		@Bean
		JsonMapper jsonMapper() {
			return JsonMapper.builder().build();
		}

		@Bean
		HandlerExecutor handlerExecutor(WebhookProperties properties) {
			return new HandlerExecutor(properties);
		}

	}

	static class Greeter {

		@VapiTool(name = "greet")
		String greet(String name) {
			return "Hello " + name;
		}

	}

	static class OtherGreeter {

		@VapiTool(name = "greet")
		String hello(String name) {
			return "Hi " + name;
		}

	}

	static class Adder {

		@VapiTool(name = "add")
		int add(int a, int b) {
			return a + b;
		}

	}

	static class BadName {

		@VapiTool(name = "book appointment!")
		String book() {
			return "";
		}

	}

	static class LongName {

		@VapiTool(name = "a_name_that_is_much_too_long_for_vapi_because_it_has_more_than_64_chars")
		String tool() {
			return "";
		}

	}

	static class SlowTool {

		@VapiTool(name = "crawl", timeout = "30s")
		String crawl() {
			return "";
		}

	}

	static class BadTimeout {

		@VapiTool(name = "wait", timeout = "soon")
		String wait(String what) {
			return what;
		}

	}

}

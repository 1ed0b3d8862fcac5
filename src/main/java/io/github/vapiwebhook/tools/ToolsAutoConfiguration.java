package io.github.vapiwebhook.tools;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import javax.sql.DataSource;

import io.github.vapiwebhook.message.FunctionCallMessage;
import io.github.vapiwebhook.message.ToolCallsMessage;
import io.github.vapiwebhook.reply.FunctionCallReply;
import io.github.vapiwebhook.reply.ToolCallsReply;
import io.github.vapiwebhook.storage.PeriodicTask;
import io.github.vapiwebhook.storage.SchemaMigration;
import io.github.vapiwebhook.storage.StorageAutoConfiguration;
import io.github.vapiwebhook.webhook.DefaultReply;
import io.github.vapiwebhook.webhook.HandlerExecutor;
import io.github.vapiwebhook.webhook.WebhookAutoConfiguration;
import io.github.vapiwebhook.webhook.WebhookProperties;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The tools feature: discovery of the {@link VapiTool} methods of the application's
 * beans, the built-in replies to {@code tool-calls} and {@code function-call} that run
 * them, the result store and the actuator endpoint. The result store is in the database
 * where the server's tables are (shared by every instance on it), in memory otherwise. A
 * handler bean of the application for either type answers it instead (as it replaces any
 * built-in reply); a {@link ToolResultStore} bean replaces the built-in store;
 * {@code vapi.tools.enabled=false} turns it all off.
 */
@AutoConfiguration(after = { WebhookAutoConfiguration.class, StorageAutoConfiguration.class })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(ToolsProperties.class)
@ConditionalOnProperty(prefix = "vapi.tools", name = "enabled", matchIfMissing = true)
public class ToolsAutoConfiguration {

	private static final Duration CLEANUP_INTERVAL = Duration.ofMinutes(1);

	@Bean
	ToolRegistry toolRegistry(ListableBeanFactory beans, ObjectProvider<JsonMapper> mapper, WebhookProperties webhook) {
		return ToolRegistry.discovering(beans, mapperOf(mapper), webhook);
	}

	@Bean
	@ConditionalOnMissingBean(ToolResultStore.class)
	@ConditionalOnBean(SchemaMigration.class)
	@DependsOnDatabaseInitialization
	JdbcToolResultStore toolResultStore(ToolsProperties properties, DataSource dataSource, HandlerExecutor executor,
			WebhookProperties webhook, ObjectProvider<Clock> clock) {
		Duration takeOverAfter = properties.idempotency().takeOverAfter();
		// startup checks that every tool's deadline is shorter than both reply deadlines
		Duration toolCalls = webhook.deadlineFor("tool-calls");
		Duration functionCall = webhook.deadlineFor("function-call");
		Duration longestRun = (toolCalls.compareTo(functionCall) >= 0) ? toolCalls : functionCall;
		if (takeOverAfter.compareTo(longestRun) <= 0) {
			throw new IllegalStateException("vapi.tools.idempotency.take-over-after (" + takeOverAfter
					+ ") must be longer than the tool-calls and function-call reply deadlines (" + toolCalls + ", "
					+ functionCall + "), so that no run is taken over while it may still answer");
		}
		Clock time = clock.getIfAvailable(Clock::systemUTC);
		StoredToolRuns runs = new StoredToolRuns(new JdbcTemplate(dataSource));
		return new JdbcToolResultStore(new ToolRunClaims(runs, time, properties.idempotency().ttl(), takeOverAfter),
				time, longestRun, executor::execute);
	}

	@Bean
	@ConditionalOnBean(JdbcToolResultStore.class)
	PeriodicTask toolResultCleanup(JdbcToolResultStore store) {
		return new PeriodicTask("delete expired tool call runs", CLEANUP_INTERVAL, store::deleteExpired);
	}

	@Bean
	@ConditionalOnMissingBean(ToolResultStore.class)
	InMemoryToolResultStore inMemoryToolResultStore(ToolsProperties properties, ObjectProvider<Clock> clock) {
		return new InMemoryToolResultStore(clock.getIfAvailable(Clock::systemUTC), properties.idempotency().ttl(),
				properties.idempotency().maxEntries());
	}

	@Bean
	ToolMetrics toolMetrics(ObjectProvider<MeterRegistry> meters) {
		return new ToolMetrics(meters.getIfAvailable(SimpleMeterRegistry::new));
	}

	@Bean
	ToolCallRunner toolCallRunner(ToolRegistry registry, ObjectProvider<JsonMapper> mapper, ToolResultStore store,
			HandlerExecutor executor, ToolsProperties properties, WebhookProperties webhook, ToolMetrics metrics) {
		for (String type : List.of("tool-calls", "function-call")) {
			if (properties.timeout().compareTo(webhook.deadlineFor(type)) >= 0) {
				throw new IllegalStateException("vapi.tools.timeout (" + properties.timeout()
						+ ") must be shorter than the " + type + " reply deadline (" + webhook.deadlineFor(type)
						+ ") so that each call can answer for itself");
			}
		}
		JsonMapper json = mapperOf(mapper);
		return new ToolCallRunner(registry, new ToolArguments(json), new ArgumentConverter(json),
				new ToolResultRenderer(json), store, executor, properties.timeout(), metrics);
	}

	/**
	 * Runs the tools of a {@code tool-calls} message: the built-in reply, ahead of the
	 * webhook's plain default (an error for every call). It runs on the request thread:
	 * every call runs on the handler executor under its own deadline, which startup
	 * checks is shorter than the reply deadline.
	 */
	@Bean
	@Order(0)
	DefaultReply<ToolCallsMessage, ToolCallsReply> toolCallsReply(ToolCallRunner runner, ToolsProperties properties,
			ToolMetrics metrics, WebhookProperties webhook) {
		ToolCallsHandler handler = new ToolCallsHandler(runner, properties.asyncAcknowledgement(),
				properties.maxCallsPerMessage(), metrics);
		String failure = webhook.defaults().failureMessage();
		return new DefaultReply<>(ToolCallsMessage.class, handler::handle,
				(message) -> ToolCallsReply.failedEach(message, failure));
	}

	/**
	 * Runs the tool of a legacy {@code function-call} message, as the built-in reply.
	 */
	@Bean
	@Order(0)
	DefaultReply<FunctionCallMessage, FunctionCallReply> functionCallReply(ToolCallRunner runner,
			WebhookProperties webhook) {
		FunctionCallHandler handler = new FunctionCallHandler(runner);
		FunctionCallReply failure = new FunctionCallReply(webhook.defaults().failureMessage());
		return new DefaultReply<>(FunctionCallMessage.class, handler::handle, (message) -> failure);
	}

	@Bean
	@ConditionalOnClass(Endpoint.class)
	@ConditionalOnAvailableEndpoint(ToolsEndpoint.class)
	ToolsEndpoint toolsEndpoint(ToolRegistry registry) {
		return new ToolsEndpoint(registry);
	}

	private static JsonMapper mapperOf(ObjectProvider<JsonMapper> mapper) {
		return mapper.getIfAvailable(JsonMapper::new);
	}

}

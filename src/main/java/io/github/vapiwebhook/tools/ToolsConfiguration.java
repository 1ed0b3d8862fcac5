package io.github.vapiwebhook.tools;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import io.github.vapiwebhook.webhook.HandlerExecutor;
import io.github.vapiwebhook.webhook.WebhookProperties;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The tools feature: discovery, the {@code tool-calls} and {@code function-call}
 * handlers, the result store and the actuator endpoint. {@code vapi.tools.enabled=false}
 * turns it all off, so that your own handler beans can answer these messages.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ToolsProperties.class)
@ConditionalOnProperty(prefix = "vapi.tools", name = "enabled", matchIfMissing = true)
class ToolsConfiguration {

	@Bean
	ToolRegistry toolRegistry(ListableBeanFactory beans, ObjectProvider<JsonMapper> mapper, WebhookProperties webhook) {
		return new ToolRegistry(beans,
				new ToolMethodFactory(new ToolSchemaGenerator(mapperOf(mapper)), shortestToolDeadline(webhook)));
	}

	@Bean
	@ConditionalOnMissingBean(ToolResultStore.class)
	InMemoryToolResultStore toolResultStore(ToolsProperties properties, ObjectProvider<Clock> clock) {
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

	@Bean
	ToolCallsHandler toolCallsHandler(ToolCallRunner runner, ToolsProperties properties, ToolMetrics metrics) {
		return new ToolCallsHandler(runner, properties.asyncAcknowledgement(), properties.maxCallsPerMessage(),
				metrics);
	}

	@Bean
	FunctionCallHandler functionCallHandler(ToolCallRunner runner) {
		return new FunctionCallHandler(runner);
	}

	@Bean
	ToolsEndpoint toolsEndpoint(ToolRegistry registry) {
		return new ToolsEndpoint(registry);
	}

	private static JsonMapper mapperOf(ObjectProvider<JsonMapper> mapper) {
		return mapper.getIfAvailable(JsonMapper::new);
	}

	// A tool answers tool-calls and legacy function-call messages: it must fit the
	// shorter deadline.
	private static Duration shortestToolDeadline(WebhookProperties webhook) {
		Duration toolCalls = webhook.deadlineFor("tool-calls");
		Duration functionCall = webhook.deadlineFor("function-call");
		return (toolCalls.compareTo(functionCall) <= 0) ? toolCalls : functionCall;
	}

}

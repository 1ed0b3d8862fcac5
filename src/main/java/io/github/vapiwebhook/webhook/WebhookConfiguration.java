package io.github.vapiwebhook.webhook;

import io.github.vapiwebhook.message.ServerMessageReader;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.thread.Threading;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletPath;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;

/**
 * Beans of the webhook endpoint that are not components of this package: the message
 * reader, the endpoint, and the registrations of the body filter and the fast path (both
 * limited to the webhook path).
 * <p>
 * Every filter of the webhook (body limit, authentication, metrics, fast path) is mapped
 * at {@code vapi.webhook.path} relative to the context path, while Spring MVC maps the
 * controller relative to {@code spring.mvc.servlet.path}. A servlet path other than
 * {@code /} would let MVC serve the endpoint at a path no filter covers, without
 * authentication, so it stops startup.
 */
@Configuration(proxyBeanMethods = false)
class WebhookConfiguration {

	/**
	 * Filter order of the fast path: last on the webhook path, after the metrics, body
	 * and authentication filters, and before Spring MVC's own request filters.
	 */
	static final int FAST_PATH_FILTER_ORDER = Ordered.HIGHEST_PRECEDENCE + 30;

	@Bean
	ServerMessageReader serverMessageReader() {
		return new ServerMessageReader();
	}

	@Bean
	WebhookEndpoint webhookEndpoint(ServerMessageReader reader, ServerMessageDispatcher dispatcher,
			ObjectProvider<JsonMapper> mapper) {
		return new WebhookEndpoint(reader, dispatcher, mapper.getIfAvailable(JsonMapper::new).writer());
	}

	@Bean
	FilterRegistrationBean<WebhookFastPathFilter> webhookFastPathFilter(WebhookEndpoint endpoint,
			WebhookProperties properties) {
		FilterRegistrationBean<WebhookFastPathFilter> registration = new FilterRegistrationBean<>(
				new WebhookFastPathFilter(endpoint, properties.path()));
		registration.addUrlPatterns(properties.path());
		registration.setOrder(FAST_PATH_FILTER_ORDER);
		return registration;
	}

	@Bean
	RequestBodyReader requestBodyReader(WebhookProperties properties, Environment environment,
			ObjectProvider<MeterRegistry> meters) {
		return new RequestBodyReader(properties, Threading.VIRTUAL.isActive(environment),
				meters.getIfAvailable(SimpleMeterRegistry::new));
	}

	@Bean
	FilterRegistrationBean<WebhookBodyFilter> webhookBodyFilter(WebhookProperties properties, RequestBodyReader reader,
			ProblemResponses problems, ObjectProvider<DispatcherServletPath> servletPath) {
		requireRootServletPath(servletPath.getIfAvailable(), properties.path());
		FilterRegistrationBean<WebhookBodyFilter> registration = new FilterRegistrationBean<>(
				new WebhookBodyFilter(reader, problems));
		registration.addUrlPatterns(properties.path());
		registration.setOrder(WebhookFilterOrder.BODY.order());
		return registration;
	}

	static void requireRootServletPath(@Nullable DispatcherServletPath servletPath, String webhookPath) {
		String path = (servletPath != null) ? servletPath.getPath() : "/";
		if (path != null && !path.isEmpty() && !path.equals("/")) {
			throw new IllegalStateException(("spring.mvc.servlet.path is '%s', but the webhook's filters (body limit, "
					+ "authentication, metrics) are mapped at vapi.webhook.path (%s) relative to the context path: "
					+ "Spring MVC would serve the endpoint at %s, where none of them runs. Leave "
					+ "spring.mvc.servlet.path unset; to move the endpoint, set vapi.webhook.path or "
					+ "server.servlet.context-path.")
				.formatted(path, webhookPath, servletPath.getRelativePath(webhookPath)));
		}
	}

}

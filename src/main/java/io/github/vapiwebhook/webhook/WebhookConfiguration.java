package io.github.vapiwebhook.webhook;

import io.github.vapiwebhook.message.ServerMessageReader;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Beans of the webhook endpoint that are not components of this package: the message
 * reader, the endpoint, and the registrations of the body filter and the fast path (both
 * limited to the webhook path).
 */
@Configuration(proxyBeanMethods = false)
class WebhookConfiguration {

	/** Filter order of the body filter; authentication runs after it. */
	static final int BODY_FILTER_ORDER = Ordered.HIGHEST_PRECEDENCE + 10;

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
	FilterRegistrationBean<WebhookBodyFilter> webhookBodyFilter(WebhookProperties properties,
			ProblemResponses problems) {
		FilterRegistrationBean<WebhookBodyFilter> registration = new FilterRegistrationBean<>(
				new WebhookBodyFilter(properties.maxBodySize(), problems));
		registration.addUrlPatterns(properties.path());
		registration.setOrder(BODY_FILTER_ORDER);
		return registration;
	}

}

package io.github.vapiwebhook.webhook;

import io.github.vapiwebhook.message.ServerMessageReader;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Beans of the webhook endpoint that are not components of this package: the message
 * reader and the body filter registration (limited to the webhook path).
 */
@Configuration(proxyBeanMethods = false)
class WebhookConfiguration {

	/** Filter order of the body filter; authentication runs after it. */
	static final int BODY_FILTER_ORDER = Ordered.HIGHEST_PRECEDENCE + 10;

	@Bean
	ServerMessageReader serverMessageReader() {
		return new ServerMessageReader();
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

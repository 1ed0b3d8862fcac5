package io.github.vapiwebhook.observability;

import io.github.vapiwebhook.webhook.WebhookAutoConfiguration;
import io.github.vapiwebhook.webhook.WebhookFilterOrder;
import io.github.vapiwebhook.webhook.WebhookProperties;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationPredicate;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.servlet.ServletListenerRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.http.server.observation.ServerRequestObservationContext;

/**
 * Registers the webhook path's metric filters (the status counter first on the path, the
 * body-size filter right after the filter that reads the body) and, unless
 * {@code vapi.observability.http-server-requests} is set, leaves the webhook path out of
 * Spring's {@code http.server.requests} observation.
 */
@AutoConfiguration(after = WebhookAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(ObservabilityProperties.class)
public class ObservabilityAutoConfiguration {

	@Bean
	WebhookMetrics webhookMetrics(MeterRegistry registry) {
		return new WebhookMetrics(registry);
	}

	@Bean
	MessageLog messageLog() {
		return new MessageLog();
	}

	@Bean
	ResponseStatusFilter responseStatusFilter(MeterRegistry registry) {
		return new ResponseStatusFilter(registry);
	}

	@Bean
	FilterRegistrationBean<ResponseStatusFilter> responseStatusFilterRegistration(ResponseStatusFilter filter,
			WebhookProperties properties) {
		FilterRegistrationBean<ResponseStatusFilter> registration = new FilterRegistrationBean<>(filter);
		registration.addUrlPatterns(properties.path());
		registration.setOrder(WebhookFilterOrder.RESPONSE_STATUS.order());
		return registration;
	}

	@Bean
	ServletListenerRegistrationBean<ResponseStatusFilter> responseStatusListener(ResponseStatusFilter filter) {
		return new ServletListenerRegistrationBean<>(filter);
	}

	@Bean
	FilterRegistrationBean<BodySizeFilter> bodySizeFilter(MeterRegistry registry, WebhookProperties properties) {
		FilterRegistrationBean<BodySizeFilter> registration = new FilterRegistrationBean<>(
				new BodySizeFilter(registry));
		registration.addUrlPatterns(properties.path());
		registration.setOrder(WebhookFilterOrder.BODY_SIZE.order());
		return registration;
	}

	@Bean
	ObservationPredicate webhookPathHttpServerObservation(WebhookProperties webhook,
			ObservabilityProperties properties) {
		if (properties.httpServerRequests()) {
			return (name, context) -> true;
		}
		String path = webhook.path();
		return (name, context) -> !(context instanceof ServerRequestObservationContext server
				&& isPath(server.getCarrier(), path));
	}

	private static boolean isPath(HttpServletRequest request, String path) {
		String uri = request.getRequestURI();
		int start = request.getContextPath().length();
		return uri.length() - start == path.length() && uri.startsWith(path, start);
	}

}

package io.github.vapiwebhook.security;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;

import io.github.vapiwebhook.webhook.ProblemResponses;
import io.github.vapiwebhook.webhook.WebhookProperties;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Beans of request authentication: the authenticator and its filter on the webhook path
 * only (actuator endpoints stay reachable), and the status shown in health and info.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	/** Filter order: after the body filter ({@code HIGHEST_PRECEDENCE + 10}). */
	static final int FILTER_ORDER = Ordered.HIGHEST_PRECEDENCE + 20;

	private static final Logger logger = LoggerFactory.getLogger(SecurityConfiguration.class);

	@Bean
	@ConditionalOnProperty(prefix = "vapi.security", name = "mode", havingValue = "verify", matchIfMissing = true)
	WebhookAuthenticator webhookAuthenticator(SecurityProperties properties, ObjectProvider<Clock> clock) {
		return new AuthenticatorFactory(clock.getIfAvailable(Clock::systemUTC), new SecureRandom()).create(properties);
	}

	@Bean
	@ConditionalOnProperty(prefix = "vapi.security", name = "mode", havingValue = "verify", matchIfMissing = true)
	FilterRegistrationBean<SignatureVerificationFilter> signatureVerificationFilter(WebhookAuthenticator authenticator,
			SecurityProperties properties, WebhookProperties webhook, ProblemResponses problems, MeterRegistry meters) {
		List<Cidr> proxies = properties.ipAllowlist()
			.trustedProxies()
			.stream()
			.map((cidr) -> Cidr.parse(cidr, "vapi.security.ip-allowlist.trusted-proxies"))
			.toList();
		RequestOrigin origin = new RequestOrigin(proxies, properties.publicBaseUrl());
		FilterRegistrationBean<SignatureVerificationFilter> registration = new FilterRegistrationBean<>(
				new SignatureVerificationFilter(authenticator, origin, problems, meters));
		registration.addUrlPatterns(webhook.path());
		registration.setOrder(FILTER_ORDER);
		return registration;
	}

	@Bean
	AuthenticationStatus webhookAuthentication(SecurityProperties properties,
			ObjectProvider<WebhookAuthenticator> authenticator) {
		WebhookAuthenticator active = authenticator.getIfAvailable();
		if (active == null) {
			logger.warn("\n\n*** {} ***\n", AuthenticationStatus.DISABLED_WARNING);
			return new AuthenticationStatus(SecurityProperties.Mode.NONE, List.of(), false);
		}
		return new AuthenticationStatus(properties.mode(), active.schemes(), !properties.hasCredentials());
	}

}

package io.github.vapiwebhook.management;

import java.util.ArrayList;
import java.util.List;

import io.github.vapiwebhook.webhook.ProblemResponses;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.actuate.autoconfigure.endpoint.web.WebEndpointProperties;
import org.springframework.boot.actuate.autoconfigure.web.ManagementContextConfiguration;
import org.springframework.boot.actuate.autoconfigure.web.ManagementContextType;
import org.springframework.boot.actuate.autoconfigure.web.server.ManagementPortType;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * Binds vapi.management.* and registers the token filter on the actuator's paths, in the
 * application's context when the actuator shares its port and in the management context
 * when it has a port of its own (a management context configuration of type ANY goes to
 * whichever serves the endpoints).
 */
@ManagementContextConfiguration(value = ManagementContextType.ANY, proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(ManagementProperties.class)
class ManagementTokenFilterConfiguration {

	private static final Logger logger = LoggerFactory.getLogger(ManagementTokenFilterConfiguration.class);

	@Bean
	FilterRegistrationBean<ManagementTokenFilter> managementTokenFilter(ManagementProperties properties,
			WebEndpointProperties endpoints, ProblemResponses problems, Environment environment) {
		boolean separatePort = ManagementPortType.get(environment) == ManagementPortType.DIFFERENT;
		boolean guarded = properties.enabled() && (!separatePort || !properties.tokens().isEmpty());
		String basePath = trimTrailingSlash(endpoints.getBasePath());
		String health = basePath + "/" + endpoints.getPathMapping().getOrDefault("health", "health");
		FilterRegistrationBean<ManagementTokenFilter> registration = new FilterRegistrationBean<>(
				new ManagementTokenFilter(properties.tokens(), List.of(health), problems));
		List<String> patterns = new ArrayList<>();
		if (!basePath.isEmpty()) {
			patterns.add(basePath);
		}
		patterns.add(basePath + "/*");
		registration.setUrlPatterns(patterns);
		registration.setOrder(ManagementTokenFilter.ORDER);
		registration.setEnabled(guarded);
		if (guarded && properties.tokens().isEmpty()) {
			logger.info("The actuator endpoints other than {} refuse every request: set vapi.management.tokens to "
					+ "reach them with a bearer token, or management.server.port to serve them on a port of their own",
					health);
		}
		return registration;
	}

	private static String trimTrailingSlash(String path) {
		return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
	}

}

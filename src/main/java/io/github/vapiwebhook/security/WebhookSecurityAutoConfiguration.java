package io.github.vapiwebhook.security;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import javax.sql.DataSource;

import io.github.vapiwebhook.storage.PeriodicTask;
import io.github.vapiwebhook.storage.SchemaMigration;
import io.github.vapiwebhook.storage.StorageAutoConfiguration;
import io.github.vapiwebhook.webhook.ProblemResponses;
import io.github.vapiwebhook.webhook.RequestBodyReader;
import io.github.vapiwebhook.webhook.WebhookAutoConfiguration;
import io.github.vapiwebhook.webhook.WebhookFilterOrder;
import io.github.vapiwebhook.webhook.WebhookProperties;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Beans of request authentication: the authenticator and its filter on the webhook path
 * only (actuator endpoints stay reachable), the cache of HMAC message ids (in the
 * database where the server's tables are, in memory otherwise), the OAuth2 token endpoint
 * when it is configured, and the status shown in health and info.
 */
@AutoConfiguration(after = { WebhookAutoConfiguration.class, StorageAutoConfiguration.class })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(SecurityProperties.class)
public class WebhookSecurityAutoConfiguration {

	private static final Logger logger = LoggerFactory.getLogger(WebhookSecurityAutoConfiguration.class);

	private static final int MESSAGE_ID_CAPACITY = 100_000;

	private static final Duration CLEANUP_INTERVAL = Duration.ofMinutes(1);

	@Bean
	@ConditionalOnProperty(prefix = "vapi.security", name = "mode", havingValue = "verify", matchIfMissing = true)
	WebhookAuthenticator webhookAuthenticator(SecurityProperties properties, ObjectProvider<Clock> clock) {
		return new AuthenticatorFactory(clock.getIfAvailable(Clock::systemUTC), new SecureRandom()).create(properties);
	}

	@Bean
	@ConditionalOnMissingBean(MessageIdCache.class)
	@ConditionalOnBean(SchemaMigration.class)
	@DependsOnDatabaseInitialization
	JdbcMessageIdCache messageIdCache(DataSource dataSource, ObjectProvider<Clock> clock) {
		return new JdbcMessageIdCache(new JdbcTemplate(dataSource), clock.getIfAvailable(Clock::systemUTC));
	}

	@Bean
	@ConditionalOnBean(JdbcMessageIdCache.class)
	PeriodicTask messageIdCleanup(JdbcMessageIdCache cache) {
		return new PeriodicTask("delete expired message ids", CLEANUP_INTERVAL, cache::deleteExpired);
	}

	@Bean
	@ConditionalOnMissingBean(MessageIdCache.class)
	InMemoryMessageIdCache inMemoryMessageIdCache() {
		return new InMemoryMessageIdCache(MESSAGE_ID_CAPACITY);
	}

	@Bean
	@ConditionalOnProperty(prefix = "vapi.security", name = "mode", havingValue = "verify", matchIfMissing = true)
	FilterRegistrationBean<SignatureVerificationFilter> signatureVerificationFilter(WebhookAuthenticator authenticator,
			SecurityProperties properties, WebhookProperties webhook, RequestBodyReader reader,
			ProblemResponses problems, MessageIdCache messageIds, MeterRegistry meters, ObjectProvider<Clock> clock) {
		List<Cidr> proxies = properties.ipAllowlist()
			.trustedProxies()
			.stream()
			.map((cidr) -> Cidr.parse(cidr, "vapi.security.ip-allowlist.trusted-proxies"))
			.toList();
		RequestOrigin origin = new RequestOrigin(proxies, properties.publicBaseUrl());
		SecurityProperties.Replay replay = properties.replay();
		ReplayGuard replays = (replay.enabled() && !properties.hmac().secrets().isEmpty())
				? new ReplayGuard(clock.getIfAvailable(Clock::systemUTC), properties.replayTolerance(),
						webhook.longestDeadline().plusSeconds(2), replay.maxEntries(),
						replay.maxStoredBytes().toBytes(), messageIds, meters, problems)
				: null;
		FilterRegistrationBean<SignatureVerificationFilter> registration = new FilterRegistrationBean<>(
				new SignatureVerificationFilter(authenticator, origin, reader, replays, problems, meters));
		registration.addUrlPatterns(webhook.path());
		registration.setOrder(WebhookFilterOrder.AUTHENTICATION.order());
		return registration;
	}

	@Bean
	@ConditionalOnProperty(prefix = "vapi.security.oauth2.token-endpoint", name = "client-id")
	ServletRegistrationBean<TokenEndpointServlet> tokenEndpoint(SecurityProperties properties,
			WebhookProperties webhook, RequestBodyReader reader, ObjectProvider<JsonMapper> mapper,
			ObjectProvider<Clock> clock) {
		SecurityProperties.TokenEndpoint settings = properties.oauth2().tokenEndpoint();
		if (settings.path().equals(webhook.path())) {
			throw new IllegalStateException(
					"vapi.security.oauth2.token-endpoint.path must differ from vapi.webhook.path: " + webhook.path());
		}
		LocalTokenIssuer issuer = new LocalTokenIssuer(settings.signingSecret(), settings.tokenLifetime());
		TokenEndpointServlet servlet = new TokenEndpointServlet(issuer, settings, properties.oauth2().scopes(), reader,
				mapper.getIfAvailable(JsonMapper::new), clock.getIfAvailable(Clock::systemUTC));
		logger.info("Serving the OAuth2 token endpoint at {}", settings.path());
		return new ServletRegistrationBean<>(servlet, settings.path());
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

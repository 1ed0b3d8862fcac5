package io.github.vapiwebhook.calls;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;

import javax.sql.DataSource;

import io.github.vapiwebhook.delivery.DeliveryAutoConfiguration;
import io.github.vapiwebhook.delivery.FailedDeliveries;
import io.github.vapiwebhook.storage.SchemaMigration;
import io.github.vapiwebhook.storage.StorageAutoConfiguration;
import io.github.vapiwebhook.webhook.ProblemResponses;
import io.github.vapiwebhook.webhook.WebhookAutoConfiguration;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletPath;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The call store in the server's database (after its migration), the listener that feeds
 * it, the purge of personal data past the retention, and the call API with its key
 * filter. {@code vapi.calls.enabled=false} turns it all off,
 * {@code vapi.calls.api.enabled=false} the API only.
 */
@AutoConfiguration(
		after = { StorageAutoConfiguration.class, DeliveryAutoConfiguration.class, WebhookAutoConfiguration.class })
@ConditionalOnBean(SchemaMigration.class)
@ConditionalOnProperty(prefix = "vapi.calls", name = "enabled", matchIfMissing = true)
@EnableConfigurationProperties(CallsProperties.class)
public class CallsAutoConfiguration {

	// the server's own mapper: what is stored does not change with the application's
	// settings
	private final JsonMapper mapper = JsonMapper.builder().build();

	@Bean
	CallStore callStore(DataSource dataSource, SchemaMigration migration, ObjectProvider<Clock> clock) {
		requireUpsertSupport(dataSource, migration.vendor());
		// joins the transaction of a caller on the same data source (a module listener's)
		TransactionTemplate transactions = new TransactionTemplate(new JdbcTransactionManager(dataSource));
		return new CallStore(JdbcClient.create(dataSource), transactions, this.mapper,
				clock.getIfAvailable(Clock::systemUTC));
	}

	@Bean
	CallStoreListener callStoreListener(CallStore store) {
		return new CallStoreListener(store);
	}

	// the migration is a parameter so that the first purge runs after it
	@Bean
	CallRetention callRetention(DataSource dataSource, SchemaMigration migration, CallsProperties properties,
			ObjectProvider<Clock> clock) {
		return new CallRetention(JdbcClient.create(dataSource), clock.getIfAvailable(Clock::systemUTC),
				properties.retention());
	}

	@Bean
	CallRetentionSchedule callRetentionSchedule(CallRetention retention, CallsProperties properties) {
		return new CallRetentionSchedule(retention::purge, properties.purgeInterval());
	}

	// INSERT ... ON CONFLICT DO NOTHING, on which concurrent upserts rely, is
	// PostgreSQL's;
	// H2 knows it in its PostgreSQL mode only
	private static void requireUpsertSupport(DataSource dataSource, String vendor) {
		if (!vendor.equals("h2")) {
			return;
		}
		try (Connection connection = dataSource.getConnection();
				Statement statement = connection.createStatement();
				ResultSet mode = statement.executeQuery(
						"SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'MODE'")) {
			if (!mode.next() || !"PostgreSQL".equalsIgnoreCase(mode.getString(1))) {
				throw new IllegalStateException("The call store needs H2 in its PostgreSQL mode: add ;MODE=PostgreSQL "
						+ "to spring.datasource.url (or set vapi.calls.enabled=false)");
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not read the mode of the H2 database (spring.datasource.url)", ex);
		}
	}

	/**
	 * The call API, on servlet web applications unless {@code vapi.calls.api.enabled} is
	 * {@code false}.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	@ConditionalOnProperty(prefix = "vapi.calls.api", name = "enabled", matchIfMissing = true)
	static class Api {

		@Bean
		CallsController callsController(DataSource dataSource) {
			return new CallsController(new CallQueries(JdbcClient.create(dataSource), JsonMapper.builder().build()));
		}

		@Bean
		@ConditionalOnBean(FailedDeliveries.class)
		DeliveriesController deliveriesController(FailedDeliveries deliveries) {
			return new DeliveriesController(deliveries);
		}

		@Bean
		CallsExceptionHandler callsExceptionHandler() {
			return new CallsExceptionHandler();
		}

		@Bean
		FilterRegistrationBean<ApiKeyFilter> apiKeyFilter(CallsProperties properties, ProblemResponses problems,
				ObjectProvider<DispatcherServletPath> servletPath) {
			requireRootServletPath(servletPath.getIfAvailable());
			CallsProperties.Api api = properties.api();
			FilterRegistrationBean<ApiKeyFilter> registration = new FilterRegistrationBean<>(
					new ApiKeyFilter(new ApiKeys(api, new SecureRandom()), api.headerName(), problems));
			// the API's own paths only: an application's other /api endpoints are its own
			registration.addUrlPatterns(CallsController.PATH + "/*", DeliveriesController.PATH + "/*");
			registration.setOrder(ApiKeyFilter.ORDER);
			return registration;
		}

		// the filter is mapped relative to the context path, Spring MVC relative to the
		// servlet path: any other servlet path than / would serve the API where the
		// filter
		// does not run (the controller would still refuse, but startup says why)
		private static void requireRootServletPath(@Nullable DispatcherServletPath servletPath) {
			String path = (servletPath != null) ? servletPath.getPath() : "/";
			if (path != null && !path.isEmpty() && !path.equals("/")) {
				throw new IllegalStateException("spring.mvc.servlet.path is '" + path + "', but the call API's key "
						+ "filter is mapped at " + CallsController.PATH + " relative to the context path. Leave "
						+ "spring.mvc.servlet.path unset, or set vapi.calls.api.enabled=false.");
			}
		}

	}

}

package io.github.vapiwebhook.calls;

import javax.sql.DataSource;

import io.github.vapiwebhook.storage.StorageAutoConfiguration;
import io.github.vapiwebhook.testing.TestDatabases;
import io.github.vapiwebhook.webhook.ProblemResponses;
import io.github.vapiwebhook.webhook.WebhookAutoConfiguration;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletPath;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When the call store and its API are there: after the storage, with a database, unless
 * switched off.
 */
class CallsAutoConfigurationTests {

	private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class, JacksonAutoConfiguration.class,
				WebhookAutoConfiguration.class, StorageAutoConfiguration.class, CallsAutoConfiguration.class))
		.withPropertyValues("vapi.calls.api.keys=test-key");

	@Test
	void storesCallsAndOffersTheApiWithADatabase() {
		this.runner.withBean(DataSource.class, () -> TestDatabases.newDataSource("h2")).run((context) -> {
			assertThat(context).hasNotFailed()
				.hasSingleBean(CallStore.class)
				.hasSingleBean(CallStoreListener.class)
				.hasSingleBean(CallRetentionSchedule.class)
				.hasSingleBean(CallsController.class);
			assertThat(context.getBeansOfType(FilterRegistrationBean.class).values())
				.anySatisfy((registration) -> assertThat(registration.getFilter()).isInstanceOf(ApiKeyFilter.class));
		});
	}

	@Test
	void withoutADatabaseThereIsNoCallStore() {
		this.runner.run((context) -> assertThat(context).hasNotFailed()
			.doesNotHaveBean(CallStore.class)
			.doesNotHaveBean(CallsController.class));
	}

	@Test
	void theApiCanBeSwitchedOffKeepingTheStore() {
		this.runner.withBean(DataSource.class, () -> TestDatabases.newDataSource("h2"))
			.withPropertyValues("vapi.calls.api.enabled=false")
			.run((context) -> {
				assertThat(context).hasNotFailed()
					.hasSingleBean(CallStore.class)
					.doesNotHaveBean(CallsController.class);
				assertThat(context.getBeansOfType(FilterRegistrationBean.class).values()).noneSatisfy(
						(registration) -> assertThat(registration.getFilter()).isInstanceOf(ApiKeyFilter.class));
			});
	}

	@Test
	void theCallStoreCanBeSwitchedOff() {
		this.runner.withBean(DataSource.class, () -> TestDatabases.newDataSource("h2"))
			.withPropertyValues("vapi.calls.enabled=false")
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(CallStore.class)
				.doesNotHaveBean(CallsController.class));
	}

	@Test
	void h2OutsideItsPostgreSqlModeStopsStartupSayingWhatToAdd() {
		this.runner
			.withBean(DataSource.class,
					() -> new DriverManagerDataSource("jdbc:h2:mem:plain-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1",
							"sa", ""))
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining(";MODE=PostgreSQL")
				.hasMessageContaining("spring.datasource.url"));
	}

	@Test
	void aServletPathOtherThanRootStopsStartup() {
		new WebApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class, StorageAutoConfiguration.class,
					CallsAutoConfiguration.class))
			.withBean(DataSource.class, () -> TestDatabases.newDataSource("h2"))
			.withBean(ProblemResponses.class, () -> new ProblemResponses(JsonMapper.builder().build()))
			.withBean(DispatcherServletPath.class, () -> () -> "/app")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.hasStackTraceContaining("spring.mvc.servlet.path is '/app', but the call API's key filter"));
	}

}

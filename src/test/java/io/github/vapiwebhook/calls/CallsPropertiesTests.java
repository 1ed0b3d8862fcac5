package io.github.vapiwebhook.calls;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

class CallsPropertiesTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withUserConfiguration(WithProperties.class);

	@Test
	void defaultsKeepPersonalData30DaysAndOfferTheApiWithAGeneratedKey() {
		this.runner.run((context) -> {
			CallsProperties properties = context.getBean(CallsProperties.class);
			assertThat(properties.enabled()).isTrue();
			assertThat(properties.retention()).isEqualTo(Duration.ofDays(30));
			assertThat(properties.purgeInterval()).isEqualTo(Duration.ofHours(1));
			assertThat(properties.api().enabled()).isTrue();
			assertThat(properties.api().keys()).isEmpty();
			assertThat(properties.api().headerName()).isEqualTo("X-Api-Key");
		});
	}

	@Test
	void aBareRetentionIsANumberOfDays() {
		this.runner.withPropertyValues("vapi.calls.retention=7")
			.run((context) -> assertThat(context.getBean(CallsProperties.class).retention())
				.isEqualTo(Duration.ofDays(7)));
		this.runner.withPropertyValues("vapi.calls.retention=12h")
			.run((context) -> assertThat(context.getBean(CallsProperties.class).retention())
				.isEqualTo(Duration.ofHours(12)));
	}

	@Test
	void aRetentionOrPurgeIntervalThatIsNotPositiveStopsStartup() {
		this.runner.withPropertyValues("vapi.calls.retention=0")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("vapi.calls.retention must be positive"));
		this.runner.withPropertyValues("vapi.calls.purge-interval=-1m")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("vapi.calls.purge-interval must be positive"));
	}

	@Test
	void aBlankKeyOrHeaderNameStopsStartup() {
		this.runner.withPropertyValues("vapi.calls.api.keys[0]=good", "vapi.calls.api.keys[1]= ")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("vapi.calls.api.keys must not contain blank values"));
		this.runner.withPropertyValues("vapi.calls.api.header-name= ")
			.run((context) -> assertThat(context).hasFailed().getFailure().hasStackTraceContaining("headerName"));
	}

	@Test
	void keysAreListedForRotationAndNeverShown() {
		this.runner.withPropertyValues("vapi.calls.api.keys=new-key,old-key").run((context) -> {
			CallsProperties.Api api = context.getBean(CallsProperties.class).api();
			assertThat(api.keys()).isEqualTo(List.of("new-key", "old-key"));
			assertThat(api.toString()).doesNotContain("new-key").doesNotContain("old-key");
		});
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(CallsProperties.class)
	static class WithProperties {

	}

}

package io.github.vapiwebhook.examples;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

class ExamplesConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withUserConfiguration(ExamplesConfiguration.class);

	@Test
	void examplesAreOffByDefaultSoThatNoDeploymentGetsThemByAccident() {
		this.runner.run((context) -> assertThat(context).doesNotHaveBean(AppointmentTools.class)
			.doesNotHaveBean(TimeTools.class)
			.doesNotHaveBean(ExampleCalendar.class));
	}

	@Test
	void examplesAreRegisteredWhenEnabled() {
		this.runner.withPropertyValues("vapi.examples.enabled=true")
			.run((context) -> assertThat(context).hasSingleBean(AppointmentTools.class).hasSingleBean(TimeTools.class));
	}

}

package io.github.vapiwebhook.examples;

import java.time.Clock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Registers the example tools unless {@code vapi.examples.enabled=false}. On by default
 * so that a fresh checkout answers tool calls and lists definitions at once.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ExamplesProperties.class)
@ConditionalOnProperty(prefix = "vapi.examples", name = "enabled", matchIfMissing = true)
class ExamplesConfiguration {

	@Bean
	ExampleCalendar exampleCalendar(ObjectProvider<Clock> clock) {
		return new ExampleCalendar(clock.getIfAvailable(Clock::systemDefaultZone));
	}

	@Bean
	AppointmentTools appointmentTools(ExampleCalendar calendar) {
		return new AppointmentTools(calendar);
	}

	@Bean
	TimeTools timeTools(ObjectProvider<Clock> clock) {
		return new TimeTools(clock.getIfAvailable(Clock::systemUTC));
	}

}

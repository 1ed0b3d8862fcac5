package io.github.vapiwebhook.examples;

import java.time.Clock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Registers the example tools when {@code vapi.examples.enabled=true}. Off by default, so
 * that they are never in a production deployment by accident; {@code ./mvnw
 * spring-boot:run} from the checkout turns them on, so that the quick start answers tool
 * calls and lists definitions at once.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ExamplesProperties.class)
@ConditionalOnProperty(prefix = "vapi.examples", name = "enabled", havingValue = "true")
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

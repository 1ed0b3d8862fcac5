package io.github.vapiwebhook.examples;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the example tools ({@code vapi.examples.*}).
 *
 * @param enabled whether the example tools ({@code find_appointment_slots},
 * {@code book_appointment}, {@code current_time}) are registered; off by default, on for
 * {@code ./mvnw spring-boot:run}
 */
@ConfigurationProperties("vapi.examples")
public record ExamplesProperties(@DefaultValue("false") boolean enabled) {

}

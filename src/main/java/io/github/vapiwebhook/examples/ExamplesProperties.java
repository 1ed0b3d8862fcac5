package io.github.vapiwebhook.examples;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the example tools (vapi.examples.*).
 *
 * @param enabled whether the example tools (find_appointment_slots, book_appointment,
 * current_time) are registered; off by default, on for ./mvnw spring-boot:run
 */
@ConfigurationProperties("vapi.examples")
public record ExamplesProperties(@DefaultValue("false") boolean enabled) {

}

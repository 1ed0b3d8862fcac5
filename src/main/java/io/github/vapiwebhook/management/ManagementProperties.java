package io.github.vapiwebhook.management;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the guard in front of the actuator endpoints (vapi.management.*).
 *
 * @param enabled whether this library guards the actuator endpoints other than health.
 * Turn it off only where something else guards them (Spring Security, a network policy).
 * @param tokens the bearer tokens accepted in the Authorization header of a request to an
 * actuator endpoint other than health (current and previous, for rotation). On the
 * application's port, with none configured, every such request is refused with 401. On a
 * separate management port (management.server.port, bound to 127.0.0.1 unless
 * management.server.address says otherwise) they are required only when configured.
 */
@Validated
@ConfigurationProperties("vapi.management")
public record ManagementProperties(@DefaultValue("true") boolean enabled, List<String> tokens) {

	public ManagementProperties {
		tokens = (tokens != null) ? List.copyOf(tokens) : List.of();
		if (tokens.stream().anyMatch(String::isBlank)) {
			throw new IllegalArgumentException("vapi.management.tokens must not contain blank values");
		}
	}

	@Override
	public String toString() {
		return "ManagementProperties[enabled=" + this.enabled + ", tokens=[" + this.tokens.size() + " redacted]]";
	}

}

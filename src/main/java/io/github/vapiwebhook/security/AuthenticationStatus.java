package io.github.vapiwebhook.security;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.boot.actuate.info.Info;
import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Shows how webhook requests are authenticated in the health details and the info
 * endpoint: the mode, the scheme names and whether the secret was generated, never a
 * secret. With {@code mode: none} it carries a warning.
 */
class AuthenticationStatus implements HealthIndicator, InfoContributor {

	static final String DISABLED_WARNING = "Webhook authentication is DISABLED (vapi.security.mode=none): "
			+ "anyone who can reach the webhook path can steer your calls";

	private final Map<String, Object> details;

	AuthenticationStatus(SecurityProperties.Mode mode, List<String> schemes, boolean generatedSecret) {
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("mode", mode.name().toLowerCase(Locale.ROOT));
		if (mode == SecurityProperties.Mode.NONE) {
			details.put("warning", DISABLED_WARNING);
		}
		else {
			details.put("schemes", List.copyOf(schemes));
			details.put("generatedSecret", generatedSecret);
		}
		this.details = Map.copyOf(details);
	}

	@Override
	public Health health() {
		return Health.up().withDetails(this.details).build();
	}

	@Override
	public void contribute(Info.Builder builder) {
		builder.withDetail("webhookAuthentication", this.details);
	}

}

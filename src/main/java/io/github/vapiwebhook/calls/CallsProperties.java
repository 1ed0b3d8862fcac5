package io.github.vapiwebhook.calls;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.convert.DurationUnit;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the call store and its API (vapi.calls.*).
 *
 * @param enabled whether calls are stored (and the API offered) at all
 * @param retention how long the personal data of a call (transcript, raw report, customer
 * number, summary, structured data, success evaluation, recording URLs) is kept after the
 * call was first stored; a bare number is a number of days
 * @param purgeInterval how often the personal data past the retention is purged
 * @param api the HTTP API that reads the store
 */
@Validated
@ConfigurationProperties("vapi.calls")
public record CallsProperties(@DefaultValue("true") boolean enabled,
		@DefaultValue("30d") @DurationUnit(ChronoUnit.DAYS) @NotNull Duration retention,
		@DefaultValue("1h") @NotNull Duration purgeInterval, @DefaultValue @Valid Api api) {

	public CallsProperties {
		requirePositive(retention, "vapi.calls.retention");
		requirePositive(purgeInterval, "vapi.calls.purge-interval");
	}

	private static void requirePositive(Duration duration, String property) {
		if (duration.isNegative() || duration.isZero()) {
			throw new IllegalArgumentException(property + " must be positive");
		}
	}

	/**
	 * The call API (GET /api/calls...) and its credential, separate from the webhook's.
	 *
	 * @param enabled whether the API is offered
	 * @param keys the accepted API keys (current and previous, for rotation); when empty,
	 * one is generated at startup and printed once
	 * @param headerName the header carrying the key
	 */
	public record Api(@DefaultValue("true") boolean enabled, List<String> keys,
			@DefaultValue("X-Api-Key") @NotBlank String headerName) {

		public Api {
			keys = (keys != null) ? List.copyOf(keys) : List.of();
			if (keys.stream().anyMatch(String::isBlank)) {
				throw new IllegalArgumentException("vapi.calls.api.keys must not contain blank values");
			}
		}

		@Override
		public String toString() {
			return "Api[enabled=" + this.enabled + ", keys=[" + this.keys.size() + " redacted], headerName="
					+ this.headerName + "]";
		}

	}

}

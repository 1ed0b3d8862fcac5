package io.github.vapiwebhook.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The replay window of HMAC timestamps: a timestamp is accepted when it lies no further
 * than the tolerance in the past or in the future. Epoch seconds and epoch milliseconds
 * are both accepted (Vapi does not document the unit) and told apart by magnitude.
 */
final class ReplayWindow {

	/**
	 * Epoch values above this are milliseconds (as seconds it would be the year 5138).
	 */
	private static final long MILLIS_THRESHOLD = 100_000_000_000L;

	private static final Pattern EPOCH = Pattern.compile("\\d{1,18}");

	private static final Pattern FRACTIONAL_EPOCH = Pattern.compile("\\d{1,12}\\.\\d{1,9}");

	private final Clock clock;

	private final Duration tolerance;

	ReplayWindow(Clock clock, Duration tolerance) {
		this.clock = clock;
		this.tolerance = tolerance;
	}

	/**
	 * Reads a timestamp header value.
	 * @param value epoch seconds (whole or fractional), epoch milliseconds or ISO-8601
	 * @return the instant, or empty when the value cannot be read
	 */
	Optional<Instant> parse(String value) {
		String trimmed = value.trim();
		if (EPOCH.matcher(trimmed).matches()) {
			long epoch = Long.parseLong(trimmed);
			return Optional.of((epoch > MILLIS_THRESHOLD) ? Instant.ofEpochMilli(epoch) : Instant.ofEpochSecond(epoch));
		}
		if (FRACTIONAL_EPOCH.matcher(trimmed).matches()) {
			// fractional epoch seconds, as some senders write them
			return Optional.of(Instant.ofEpochMilli(Math.round(Double.parseDouble(trimmed) * 1000)));
		}
		try {
			return Optional.of(Instant.parse(trimmed));
		}
		catch (DateTimeParseException ex) {
			return Optional.empty();
		}
	}

	boolean contains(Instant timestamp) {
		Instant now = this.clock.instant();
		return !timestamp.isBefore(now.minus(this.tolerance)) && !timestamp.isAfter(now.plus(this.tolerance));
	}

	Instant now() {
		return this.clock.instant();
	}

	Duration tolerance() {
		return this.tolerance;
	}

}

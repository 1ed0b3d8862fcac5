package io.github.vapiwebhook.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReplayWindowTests {

	private static final Instant NOW = Instant.parse("2025-11-26T14:00:00Z");

	private final ReplayWindow window = new ReplayWindow(Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofMinutes(5));

	@Test
	void readsEpochSecondsAndMillisecondsByMagnitude() {
		assertThat(this.window.parse("1764165600")).contains(NOW);
		assertThat(this.window.parse("1764165600000")).contains(NOW);
		assertThat(this.window.parse("1764165600123")).contains(NOW.plusMillis(123));
	}

	@Test
	void readsFractionalSecondsAndIsoInstants() {
		assertThat(this.window.parse("1764165600.5")).contains(NOW.plusMillis(500));
		assertThat(this.window.parse("2025-11-26T14:00:00Z")).contains(NOW);
	}

	@Test
	void refusesUnreadableTimestamps() {
		assertThat(this.window.parse("")).isEmpty();
		assertThat(this.window.parse("-5")).isEmpty();
		assertThat(this.window.parse("yesterday")).isEmpty();
		assertThat(this.window.parse("99999999999999999999999")).isEmpty();
	}

	@Test
	void containsBothEdgesAndNothingBeyond() {
		assertThat(this.window.contains(NOW.minus(Duration.ofMinutes(5)))).isTrue();
		assertThat(this.window.contains(NOW.plus(Duration.ofMinutes(5)))).isTrue();
		assertThat(this.window.contains(NOW.minus(Duration.ofMinutes(5)).minusMillis(1))).isFalse();
		assertThat(this.window.contains(NOW.plus(Duration.ofMinutes(5)).plusMillis(1))).isFalse();
	}

}

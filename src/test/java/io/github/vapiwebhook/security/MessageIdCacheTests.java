package io.github.vapiwebhook.security;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MessageIdCacheTests {

	private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

	@Test
	void forgetsIdsAfterTheirExpiry() {
		MessageIdCache cache = new MessageIdCache(10);
		assertThat(cache.firstSeen("a", NOW, NOW.plusSeconds(600))).isTrue();
		assertThat(cache.firstSeen("a", NOW.plusSeconds(599), NOW.plusSeconds(1199))).isFalse();
		assertThat(cache.firstSeen("a", NOW.plusSeconds(600), NOW.plusSeconds(1200))).isTrue();
	}

	@Test
	void staysWithinItsCapacity() {
		MessageIdCache cache = new MessageIdCache(3);
		for (int i = 0; i < 100; i++) {
			assertThat(cache.firstSeen("id-" + i, NOW, NOW.plusSeconds(600))).isTrue();
		}
		assertThat(cache.size()).isEqualTo(3);
		assertThat(cache.firstSeen("id-99", NOW, NOW.plusSeconds(600))).isFalse();
	}

}

package io.github.vapiwebhook.security;

import java.time.Instant;

import io.github.vapiwebhook.security.MessageIdCache.Sighting;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class InMemoryMessageIdCacheTests {

	private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

	@Test
	void forgetsIdsAfterTheirExpiry() {
		InMemoryMessageIdCache cache = new InMemoryMessageIdCache(10);
		assertThat(cache.see("a", "sig-1", NOW, NOW.plusSeconds(600))).isEqualTo(Sighting.NEW);
		assertThat(cache.see("a", "sig-2", NOW.plusSeconds(599), NOW.plusSeconds(1199)))
			.isEqualTo(Sighting.OTHER_REQUEST);
		assertThat(cache.see("a", "sig-2", NOW.plusSeconds(600), NOW.plusSeconds(1200))).isEqualTo(Sighting.NEW);
	}

	@Test
	void knowsAnIdThatComesAgainWithTheSameSignatureAsTheSameRequest() {
		InMemoryMessageIdCache cache = new InMemoryMessageIdCache(10);
		cache.see("a", "sig-1", NOW, NOW.plusSeconds(600));
		assertThat(cache.see("a", "sig-1", NOW.plusSeconds(1), NOW.plusSeconds(601))).isEqualTo(Sighting.SAME_REQUEST);
	}

	@Test
	void aForgottenIdMayComeAgainUnderAnotherSignature() {
		InMemoryMessageIdCache cache = new InMemoryMessageIdCache(10);
		cache.see("a", "sig-1", NOW, NOW.plusSeconds(600));
		cache.forget("a", "sig-1");
		assertThat(cache.see("a", "sig-2", NOW.plusSeconds(1), NOW.plusSeconds(601))).isEqualTo(Sighting.NEW);
	}

	@Test
	void staysWithinItsCapacity() {
		InMemoryMessageIdCache cache = new InMemoryMessageIdCache(3);
		for (int i = 0; i < 100; i++) {
			assertThat(cache.see("id-" + i, "sig", NOW, NOW.plusSeconds(600))).isEqualTo(Sighting.NEW);
		}
		assertThat(cache.size()).isEqualTo(3);
		assertThat(cache.see("id-99", "other", NOW, NOW.plusSeconds(600))).isEqualTo(Sighting.OTHER_REQUEST);
	}

}

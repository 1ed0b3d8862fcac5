package io.github.vapiwebhook.security;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import javax.sql.DataSource;

import io.github.vapiwebhook.security.MessageIdCache.Sighting;
import io.github.vapiwebhook.storage.SchemaMigration;
import io.github.vapiwebhook.testing.TestDatabases;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The message ids in the database, on every test database: each test uses two caches on
 * one database, as two instances of the server would.
 */
class JdbcMessageIdCacheTests {

	private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

	private static final Instant EXPIRY = NOW.plusSeconds(600);

	static List<String> databases() {
		return TestDatabases.names();
	}

	@ParameterizedTest
	@MethodSource("databases")
	void anIdSeenForTheFirstTimeIsNew(String database) {
		assertThat(cache(migrated(database), NOW).see("msg_1", "sig-1", NOW, EXPIRY)).isEqualTo(Sighting.NEW);
	}

	@ParameterizedTest
	@MethodSource("databases")
	void anIdSeenElsewhereUnderAnotherSignatureIsRefused(String database) {
		DataSource dataSource = migrated(database);
		cache(dataSource, NOW).see("msg_1", "sig-1", NOW, EXPIRY);
		assertThat(cache(dataSource, NOW).see("msg_1", "sig-2", NOW.plusSeconds(1), EXPIRY.plusSeconds(1)))
			.isEqualTo(Sighting.OTHER_REQUEST);
	}

	@ParameterizedTest
	@MethodSource("databases")
	void anIdSeenElsewhereUnderTheSameSignatureIsTheSameRequest(String database) {
		DataSource dataSource = migrated(database);
		cache(dataSource, NOW).see("msg_1", "sig-1", NOW, EXPIRY);
		assertThat(cache(dataSource, NOW).see("msg_1", "sig-1", NOW.plusSeconds(1), EXPIRY.plusSeconds(1)))
			.isEqualTo(Sighting.SAME_REQUEST);
	}

	@ParameterizedTest
	@MethodSource("databases")
	void aForgottenIdMayComeAgain(String database) {
		DataSource dataSource = migrated(database);
		cache(dataSource, NOW).see("msg_1", "sig-1", NOW, EXPIRY);
		cache(dataSource, NOW).forget("msg_1", "sig-1");
		assertThat(cache(dataSource, NOW).see("msg_1", "sig-2", NOW.plusSeconds(1), EXPIRY.plusSeconds(1)))
			.isEqualTo(Sighting.NEW);
	}

	@ParameterizedTest
	@MethodSource("databases")
	void onlyTheRequestThatRecordedAnIdForgetsIt(String database) {
		DataSource dataSource = migrated(database);
		cache(dataSource, NOW).see("msg_1", "sig-1", NOW, EXPIRY);
		cache(dataSource, NOW).forget("msg_1", "sig-2");
		assertThat(cache(dataSource, NOW).see("msg_1", "sig-2", NOW.plusSeconds(1), EXPIRY.plusSeconds(1)))
			.isEqualTo(Sighting.OTHER_REQUEST);
	}

	@ParameterizedTest
	@MethodSource("databases")
	void anIdMayComeAgainOnceExpiredAndIsThenDeleted(String database) {
		DataSource dataSource = migrated(database);
		cache(dataSource, NOW).see("msg_1", "sig-1", NOW, EXPIRY);
		cache(dataSource, NOW).see("msg_2", "sig-1", NOW, EXPIRY);
		assertThat(cache(dataSource, EXPIRY).see("msg_1", "sig-2", EXPIRY, EXPIRY.plusSeconds(600)))
			.isEqualTo(Sighting.NEW);
		assertThat(cache(dataSource, EXPIRY).deleteExpired()).isEqualTo(1);
		assertThat(new JdbcTemplate(dataSource).queryForList("SELECT message_id FROM seen_message_id", String.class))
			.containsExactly("msg_1");
	}

	@ParameterizedTest
	@MethodSource("databases")
	void keepsAnIdLongerThanAnyColumnAsItsHash(String database) {
		DataSource dataSource = migrated(database);
		String longId = "m".repeat(5000);
		assertThat(cache(dataSource, NOW).see(longId, "sig-1", NOW, EXPIRY)).isEqualTo(Sighting.NEW);
		assertThat(cache(dataSource, NOW).see(longId, "sig-2", NOW, EXPIRY)).isEqualTo(Sighting.OTHER_REQUEST);
	}

	private static JdbcMessageIdCache cache(DataSource dataSource, Instant now) {
		return new JdbcMessageIdCache(new JdbcTemplate(dataSource), Clock.fixed(now, ZoneOffset.UTC));
	}

	private static DataSource migrated(String database) {
		DataSource dataSource = TestDatabases.newDataSource(database);
		new SchemaMigration(dataSource).migrate();
		return dataSource;
	}

}

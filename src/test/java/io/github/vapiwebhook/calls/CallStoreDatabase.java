package io.github.vapiwebhook.calls;

import java.time.Duration;
import java.time.Instant;

import javax.sql.DataSource;

import io.github.vapiwebhook.storage.StorageAutoConfiguration;
import io.github.vapiwebhook.testing.SettableClock;
import io.github.vapiwebhook.testing.TestDatabases;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A new test database (see {@link TestDatabases}) with the server's tables, migrated as
 * at startup, and the call store's parts on it, all on one clock that tests move.
 */
final class CallStoreDatabase {

	/** When the clock starts. */
	static final Instant START = Instant.parse("2026-03-02T08:00:00Z");

	final DataSource dataSource;

	final JdbcClient jdbc;

	final SettableClock clock = new SettableClock(START);

	private final JsonMapper mapper = JsonMapper.builder().build();

	CallStoreDatabase(String name) {
		this.dataSource = TestDatabases.newDataSource(name);
		this.jdbc = JdbcClient.create(this.dataSource);
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(StorageAutoConfiguration.class))
			.withBean(DataSource.class, () -> this.dataSource)
			.run((context) -> assertThat(context).hasNotFailed());
	}

	CallStore store() {
		return new CallStore(this.jdbc, new TransactionTemplate(new JdbcTransactionManager(this.dataSource)),
				this.mapper, this.clock);
	}

	CallQueries queries() {
		return new CallQueries(this.jdbc, this.mapper);
	}

	CallRetention retention(Duration retention) {
		return new CallRetention(this.jdbc, this.clock, retention);
	}

	int rows(String table, String callId) {
		return this.jdbc.sql("SELECT COUNT(*) FROM " + table + " WHERE call_id = :callId")
			.param("callId", callId)
			.query(Integer.class)
			.single();
	}

	@Nullable String column(String column, String callId) {
		return this.jdbc.sql("SELECT " + column + " FROM call_record WHERE call_id = :callId")
			.param("callId", callId)
			.query(String.class)
			.optional()
			.orElse(null);
	}

}

package io.github.vapiwebhook.storage;

import java.util.List;

import javax.sql.DataSource;

import io.github.vapiwebhook.testing.TestDatabases;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The server's migrations, on every test database.
 */
class SchemaMigrationTests {

	static List<String> databases() {
		return TestDatabases.names();
	}

	@ParameterizedTest
	@MethodSource("databases")
	void createsTheServersTablesAndRecordsThemInItsOwnHistory(String database) {
		DataSource dataSource = TestDatabases.newDataSource(database);
		SchemaMigration migration = new SchemaMigration(dataSource).migrate();
		assertThat(migration.vendor()).isEqualTo(database);
		JdbcTemplate jdbc = new JdbcTemplate(dataSource);
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM event_publication", Integer.class)).isZero();
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM received_message", Integer.class)).isZero();
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM tool_call_run", Integer.class)).isZero();
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM seen_message_id", Integer.class)).isZero();
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM call_record", Integer.class)).isZero();
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM call_status", Integer.class)).isZero();
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM delivery_failure", Integer.class)).isZero();
		assertThat(jdbc.queryForObject("SELECT MAX(version) FROM " + SchemaMigration.HISTORY_TABLE, String.class))
			.isNotBlank();
	}

	@ParameterizedTest
	@MethodSource("databases")
	void migratingAgainChangesNothing(String database) {
		DataSource dataSource = TestDatabases.newDataSource(database);
		new SchemaMigration(dataSource).migrate();
		JdbcTemplate jdbc = new JdbcTemplate(dataSource);
		int applied = jdbc.queryForObject("SELECT COUNT(*) FROM " + SchemaMigration.HISTORY_TABLE, Integer.class);
		new SchemaMigration(dataSource).migrate();
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM " + SchemaMigration.HISTORY_TABLE, Integer.class))
			.isEqualTo(applied);
	}

	@ParameterizedTest
	@MethodSource("databases")
	void sharesADatabaseWithTheApplicationsOwnTables(String database) {
		DataSource dataSource = TestDatabases.newDataSource(database);
		JdbcTemplate jdbc = new JdbcTemplate(dataSource);
		jdbc.execute("CREATE TABLE orders (id INT PRIMARY KEY)");
		new SchemaMigration(dataSource).migrate();
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM orders", Integer.class)).isZero();
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM event_publication", Integer.class)).isZero();
	}

}

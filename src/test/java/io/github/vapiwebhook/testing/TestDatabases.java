package io.github.vapiwebhook.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The databases the storage tests run on: H2 always, and PostgreSQL when
 * {@code VAPI_TEST_POSTGRES_URL} names one (a JDBC URL with the user, e.g.
 * {@code jdbc:postgresql://127.0.0.1:5432/test?user=postgres}; {@code .ci/run} sets it).
 * Each database given out is empty: an H2 in-memory database of its own, or a PostgreSQL
 * schema of its own.
 */
public final class TestDatabases {

	/** The environment variable naming the PostgreSQL server of the tests. */
	public static final String POSTGRES_URL = "VAPI_TEST_POSTGRES_URL";

	private TestDatabases() {
	}

	/**
	 * The names of the databases to run on, for {@code @MethodSource}.
	 * @return {@code h2}, and {@code postgresql} when configured
	 */
	public static List<String> names() {
		List<String> names = new ArrayList<>(List.of("h2"));
		if (postgresUrl() != null) {
			names.add("postgresql");
		}
		return names;
	}

	/**
	 * The JDBC URL of a new, empty database.
	 * @param name {@code h2} or {@code postgresql}
	 * @return the URL (the user is in it)
	 */
	public static String newDatabase(String name) {
		if (name.equals("h2")) {
			return "jdbc:h2:mem:test-" + UUID.randomUUID()
					+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
		}
		String base = postgresUrl();
		if (base == null) {
			throw new IllegalStateException(POSTGRES_URL + " is not set");
		}
		String schema = "vapi_test_" + UUID.randomUUID().toString().replace("-", "");
		try (Connection connection = DriverManager.getConnection(base);
				Statement statement = connection.createStatement()) {
			statement.execute("CREATE SCHEMA " + schema);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not create a schema on " + POSTGRES_URL, ex);
		}
		return base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema;
	}

	/**
	 * A data source on a new, empty database.
	 * @param name {@code h2} or {@code postgresql}
	 * @return the data source
	 */
	public static DataSource newDataSource(String name) {
		String url = newDatabase(name);
		DriverManagerDataSource dataSource = new DriverManagerDataSource(url);
		if (name.equals("h2")) {
			dataSource.setUsername("sa");
		}
		return dataSource;
	}

	private static @Nullable String postgresUrl() {
		String url = System.getenv(POSTGRES_URL);
		return (url != null && !url.isBlank()) ? url : null;
	}

}

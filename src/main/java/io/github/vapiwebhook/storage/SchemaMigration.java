package io.github.vapiwebhook.storage;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the server's tables to the current version with Flyway: the migrations of the
 * database in use ({@code io/github/vapiwebhook/db/h2} or {@code .../postgresql}),
 * recorded in the history table {@value #HISTORY_TABLE}, apart from any migrations of the
 * application itself. Other databases stop startup with a message naming the two that are
 * supported.
 */
public final class SchemaMigration {

	static final String HISTORY_TABLE = "vapi_schema_history";

	private static final Logger logger = LoggerFactory.getLogger(SchemaMigration.class);

	private final DataSource dataSource;

	private final String vendor;

	/**
	 * Creates the migration of a database.
	 * @param dataSource the database
	 * @throws IllegalStateException when it cannot be reached or is neither H2 nor
	 * PostgreSQL
	 */
	public SchemaMigration(DataSource dataSource) {
		this.dataSource = dataSource;
		this.vendor = vendorOf(dataSource);
	}

	/**
	 * Applies the pending migrations.
	 * @return this
	 */
	public SchemaMigration migrate() {
		MigrateResult result = Flyway.configure(SchemaMigration.class.getClassLoader())
			.dataSource(this.dataSource)
			.locations("classpath:io/github/vapiwebhook/db/" + this.vendor)
			.table(HISTORY_TABLE)
			// a database that already holds other tables (the application's own) is fine
			.baselineOnMigrate(true)
			.baselineVersion("0")
			.load()
			.migrate();
		if (result.migrationsExecuted > 0) {
			logger.info("Migrated the server's tables ({}) to version {}", this.vendor, result.targetSchemaVersion);
		}
		return this;
	}

	/**
	 * The database in use.
	 * @return {@code h2} or {@code postgresql}
	 */
	public String vendor() {
		return this.vendor;
	}

	private static String vendorOf(DataSource dataSource) {
		String product;
		try (Connection connection = dataSource.getConnection()) {
			product = connection.getMetaData().getDatabaseProductName();
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not connect to the database (spring.datasource.*)", ex);
		}
		String name = product.toLowerCase(Locale.ROOT);
		if (name.contains("h2")) {
			return "h2";
		}
		if (name.contains("postgres")) {
			return "postgresql";
		}
		throw new IllegalStateException("The database (spring.datasource.url) is " + product
				+ "; the server's tables exist for H2 and PostgreSQL only");
	}

}

package io.github.vapiwebhook.storage;

import javax.sql.DataSource;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The server's tables in the application's database, migrated at startup.
 */
@AutoConfiguration(after = DataSourceAutoConfiguration.class)
@ConditionalOnSingleCandidate(DataSource.class)
public class StorageAutoConfiguration {

	@Bean
	SchemaMigration vapiSchemaMigration(DataSource dataSource) {
		return new SchemaMigration(dataSource).migrate();
	}

}

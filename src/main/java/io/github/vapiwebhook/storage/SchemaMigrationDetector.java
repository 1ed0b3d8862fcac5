package io.github.vapiwebhook.storage;

import java.util.Set;

import org.springframework.boot.sql.init.dependency.AbstractBeansOfTypeDatabaseInitializerDetector;

/**
 * Tells Spring Boot that a {@link SchemaMigration} initializes the database, so that the
 * beans that use it through JDBC (Spring Modulith's event publication registry among
 * them) are created after the migration ran.
 */
public class SchemaMigrationDetector extends AbstractBeansOfTypeDatabaseInitializerDetector {

	@Override
	protected Set<Class<?>> getDatabaseInitializerBeanTypes() {
		return Set.of(SchemaMigration.class);
	}

}

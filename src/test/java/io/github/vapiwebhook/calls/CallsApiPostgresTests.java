package io.github.vapiwebhook.calls;

import io.github.vapiwebhook.testing.TestDatabases;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The call API on PostgreSQL, when {@code VAPI_TEST_POSTGRES_URL} names one.
 */
@EnabledIfEnvironmentVariable(named = TestDatabases.POSTGRES_URL, matches = ".+")
class CallsApiPostgresTests extends CallsApiTests {

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry registry) {
		String url = TestDatabases.newDatabase("postgresql");
		registry.add("spring.datasource.url", () -> url);
		// the user is in the URL; no username, not the tests' default "sa"
		registry.add("spring.datasource.username", () -> "");
	}

}

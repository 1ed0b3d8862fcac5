package io.github.vapiwebhook.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;

import io.github.vapiwebhook.VapiWebhookApplication;
import io.github.vapiwebhook.security.SecurityProperties;
import io.github.vapiwebhook.testing.ConsoleLogging;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.web.server.context.WebServerApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The commands' view of the runnable server: its own context, started without a web
 * server, with the settings bound as the server binds them.
 */
class SpringServerFactsTests {

	@AfterEach
	void restoreConsoleLogging() {
		ConsoleLogging.restore();
	}

	private static final Map<String, Object> IN_MEMORY = Map.of("spring.datasource.url",
			"jdbc:h2:mem:server-facts-tests;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");

	private final StringWriter err = new StringWriter();

	@Test
	void readsTheToolsAndSettingsOfTheApplicationWithoutAWebServer() {
		try (SpringServerFacts facts = new SpringServerFacts(VapiWebhookApplication.class,
				List.of("--vapi.examples.enabled=true", "--vapi.security.hmac.secrets=k1",
						"--vapi.webhook.path=/hooks/vapi", "--vapi.api.credential-name=staging"),
				IN_MEMORY, new PrintWriter(this.err, true))) {

			assertThat(facts.tools()).extracting((tool) -> tool.function().name())
				.containsExactly("book_appointment", "current_time", "find_appointment_slots");
			assertThat(facts.security().hmac().secrets()).containsExactly("k1");
			assertThat(facts.security().mode()).isEqualTo(SecurityProperties.Mode.VERIFY);
			assertThat(facts.webhookPath()).isEqualTo("/hooks/vapi");
			assertThat(facts.api().credentialName()).isEqualTo("staging");
			assertThat(facts.api().baseUrl()).hasToString("https://api.vapi.ai");
			assertThat(facts.context()).isNotInstanceOf(WebServerApplicationContext.class);
		}
		assertThat(this.err.toString()).contains("Reading the configuration of VapiWebhookApplication");
	}

	@Test
	void consoleLoggingIsOnAgainForTheRestOfTheJvmOnceTheCommandIsDone() {
		try (SpringServerFacts facts = new SpringServerFacts(VapiWebhookApplication.class,
				List.of("--vapi.security.hmac.secrets=k1"), IN_MEMORY, new PrintWriter(this.err, true))) {
			facts.security();
			// off while the command runs, so that standard output is its result
			assertThat(System.getProperty("CONSOLE_LOG_THRESHOLD")).isEqualToIgnoringCase("off");
		}
		assertThat(System.getProperty("CONSOLE_LOG_THRESHOLD")).isNull();
	}

	@Test
	void invalidConfigurationIsAUsageErrorThatSaysWhy() {
		try (SpringServerFacts facts = new SpringServerFacts(VapiWebhookApplication.class,
				List.of("--vapi.security.hmac.payload-format={timestamp}"), IN_MEMORY,
				new PrintWriter(this.err, true))) {

			assertThatExceptionOfType(UsageException.class).isThrownBy(facts::security)
				.withMessageStartingWith("The application did not start: ")
				.withMessageContaining("vapi.security.hmac.payload-format must contain {body}");
		}
	}

}

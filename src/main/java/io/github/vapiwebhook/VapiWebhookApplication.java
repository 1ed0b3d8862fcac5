package io.github.vapiwebhook;

import java.util.Map;

import io.github.vapiwebhook.cli.VapiCommandLine;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The runnable Vapi webhook server: a Spring Boot application that uses the library as
 * any other application would (through its auto-configuration), plus the example tools
 * when {@code vapi.examples.enabled} is set. It scans only the examples, so that nothing
 * of the library reaches it but through auto-configuration.
 */
@SpringBootApplication(scanBasePackages = "io.github.vapiwebhook.examples")
public class VapiWebhookApplication {

	/**
	 * The database of a command: the server's examples need none, and the server's own
	 * embedded file database may be open in the running server.
	 */
	private static final Map<String, Object> COMMAND_DATABASE = Map.of("spring.datasource.url",
			"jdbc:h2:mem:vapi-command-line;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");

	/**
	 * Runs the server, or a command when the first argument names one ({@code connect},
	 * {@code tools}, {@code help}, ...).
	 * @param args the program arguments
	 */
	public static void main(String[] args) {
		VapiCommandLine commandLine = new VapiCommandLine(VapiWebhookApplication.class)
			.withProperties(COMMAND_DATABASE);
		if (commandLine.handles(args)) {
			System.exit(commandLine.run(args));
		}
		SpringApplication.run(VapiWebhookApplication.class, args);
	}

}

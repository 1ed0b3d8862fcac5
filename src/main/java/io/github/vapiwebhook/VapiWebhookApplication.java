package io.github.vapiwebhook;

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

	public static void main(String[] args) {
		SpringApplication.run(VapiWebhookApplication.class, args);
	}

}

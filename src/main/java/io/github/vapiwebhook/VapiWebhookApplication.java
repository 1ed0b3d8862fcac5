package io.github.vapiwebhook;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Entry point of the Vapi webhook server.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class VapiWebhookApplication {

	public static void main(String[] args) {
		SpringApplication.run(VapiWebhookApplication.class, args);
	}

}

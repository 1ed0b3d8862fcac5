package io.github.vapiwebhook;

import io.github.vapiwebhook.webhook.WebhookDefaults;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Adds the defaults of the runnable server (its name, actuator exposure, virtual threads,
 * graceful shutdown) when the application is {@link VapiWebhookApplication}, below every
 * other source. Another application that uses the library does not get them.
 */
public class ServerDefaults implements EnvironmentPostProcessor, Ordered {

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (application.getAllSources().contains(VapiWebhookApplication.class)) {
			WebhookDefaults.addLast(environment, "vapiServerDefaults", "io/github/vapiwebhook/server-defaults.yml");
		}
	}

	/**
	 * After the application's configuration files, before the library's defaults (the two
	 * have no key in common).
	 */
	@Override
	public int getOrder() {
		return ConfigDataEnvironmentPostProcessor.ORDER + 5;
	}

}

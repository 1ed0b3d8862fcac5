package io.github.vapiwebhook.webhook;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * Adds the webhook library's defaults (Tomcat's connection limits for untrusted senders,
 * the log line prefix with the call id and message type) to every application that uses
 * the library, below everything else: the application's own configuration, and even its
 * programmatic defaults, win. A library cannot rely on its own {@code application.yml},
 * which the application's hides.
 */
public class WebhookDefaults implements EnvironmentPostProcessor, Ordered {

	static final String LOCATION = "io/github/vapiwebhook/webhook/library-defaults.yml";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		addLast(environment, "vapiWebhookDefaults", LOCATION);
	}

	/**
	 * Adds the properties of a YAML resource as the property source of lowest precedence.
	 * @param environment the environment
	 * @param name the name of the property source
	 * @param location the class path location of the resource
	 */
	public static void addLast(ConfigurableEnvironment environment, String name, String location) {
		try {
			for (PropertySource<?> source : new YamlPropertySourceLoader().load(name,
					new ClassPathResource(location, WebhookDefaults.class.getClassLoader()))) {
				environment.getPropertySources().addLast(source);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read the defaults in " + location, ex);
		}
	}

	/**
	 * After the application's configuration files are read, so that they come first.
	 */
	@Override
	public int getOrder() {
		return ConfigDataEnvironmentPostProcessor.ORDER + 10;
	}

}

package io.github.vapiwebhook.webhook;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.boot.env.DefaultPropertiesPropertySource;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * Adds the webhook library's defaults (Tomcat's connection limits for untrusted senders,
 * the log line prefix with the call id and message type, the delivery's staleness) to
 * every application that uses the library, as default properties: every other source of
 * the application wins, and so does a default property it sets itself, which is kept. A
 * library cannot rely on its own {@code application.yml}, which the application's hides.
 */
public class WebhookDefaults implements EnvironmentPostProcessor, Ordered {

	static final String LOCATION = "io/github/vapiwebhook/webhook/library-defaults.yml";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		addLast(environment, "vapiWebhookDefaults", LOCATION);
	}

	/**
	 * Adds the properties of a YAML resource to the default properties, the source of
	 * lowest precedence, keeping the default properties set already.
	 * @param environment the environment
	 * @param name the name of the property source
	 * @param location the class path location of the resource
	 */
	public static void addLast(ConfigurableEnvironment environment, String name, String location) {
		// Spring Boot moves the default properties below every other source once the
		// post-processors have run, so they go there, not after them
		PropertySource<?> existing = environment.getPropertySources().get(DefaultPropertiesPropertySource.NAME);
		Map<String, Object> defaults = new LinkedHashMap<>();
		for (PropertySource<?> source : load(name, location)) {
			if (source instanceof EnumerablePropertySource<?> enumerable) {
				for (String key : enumerable.getPropertyNames()) {
					if (existing == null || !existing.containsProperty(key)) {
						defaults.putIfAbsent(key, enumerable.getProperty(key));
					}
				}
			}
		}
		DefaultPropertiesPropertySource.addOrMerge(defaults, environment.getPropertySources());
	}

	private static List<PropertySource<?>> load(String name, String location) {
		try {
			return new YamlPropertySourceLoader().load(name,
					new ClassPathResource(location, WebhookDefaults.class.getClassLoader()));
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

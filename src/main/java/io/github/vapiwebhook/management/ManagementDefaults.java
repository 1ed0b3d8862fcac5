package io.github.vapiwebhook.management;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.actuate.autoconfigure.web.server.ManagementPortType;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.boot.env.DefaultPropertiesPropertySource;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Binds a separate management port (management.server.port) to the loopback address
 * unless management.server.address is set, in every application that uses the library. A
 * default property cannot do it unconditionally: Spring Boot refuses
 * management.server.address when the actuator shares the application's port.
 */
public class ManagementDefaults implements EnvironmentPostProcessor, Ordered {

	static final String ADDRESS = "management.server.address";

	static final String LOOPBACK = "127.0.0.1";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (ManagementPortType.get(environment) == ManagementPortType.DIFFERENT
				&& !environment.containsProperty(ADDRESS)) {
			DefaultPropertiesPropertySource.addOrMerge(Map.of(ADDRESS, LOOPBACK), environment.getPropertySources());
		}
	}

	/**
	 * After the application's configuration files are read and the library's defaults
	 * added.
	 */
	@Override
	public int getOrder() {
		return ConfigDataEnvironmentPostProcessor.ORDER + 15;
	}

}

package io.github.vapiwebhook.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.github.vapiwebhook.security.SecurityProperties;
import io.github.vapiwebhook.tools.ToolDefinition;
import io.github.vapiwebhook.tools.ToolRegistry;
import io.github.vapiwebhook.vapiapi.VapiApiProperties;
import io.github.vapiwebhook.webhook.WebhookProperties;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * The application's facts from its own Spring context, started on first use without a web
 * server (configuration from application.yml, environment variables and the
 * {@code --name=value} arguments, as for the server) and closed with this object.
 */
class SpringServerFacts implements ServerFacts, AutoCloseable {

	// Console logging would mix with the commands' output (tools export prints JSON);
	// --logging.threshold.console=info shows it again.
	private static final Map<String, Object> DEFAULTS = Map.of("logging.threshold.console", "off");

	// Spring Boot's logging publishes the threshold as this system property and never
	// removes it; a later application in the same JVM would log nothing to the console
	private static final String CONSOLE_THRESHOLD = "CONSOLE_LOG_THRESHOLD";

	private final Class<?> application;

	private final List<String> arguments;

	private final Map<String, Object> properties;

	private final PrintWriter err;

	private @Nullable ConfigurableApplicationContext context;

	private boolean started;

	private @Nullable String consoleThresholdBefore;

	SpringServerFacts(Class<?> application, List<String> arguments, Map<String, Object> properties, PrintWriter err) {
		this.application = application;
		this.arguments = List.copyOf(arguments);
		this.properties = Map.copyOf(properties);
		this.err = err;
	}

	@Override
	public SecurityProperties security() {
		return context().getBean(SecurityProperties.class);
	}

	@Override
	public String webhookPath() {
		return context().getBean(WebhookProperties.class).path();
	}

	@Override
	public VapiApiProperties api() {
		return context().getBean(VapiApiProperties.class);
	}

	@Override
	public List<ToolDefinition> tools() {
		return context().getBean(ToolRegistry.class).definitions();
	}

	ConfigurableApplicationContext context() {
		if (this.context == null) {
			this.err.println("Reading the configuration of " + this.application.getSimpleName()
					+ " (started without its web server)...");
			this.err.flush();
			SpringApplication spring = new SpringApplication(this.application, CommandLineConfiguration.class);
			spring.setWebApplicationType(WebApplicationType.NONE);
			spring.setBannerMode(Banner.Mode.OFF);
			spring.setLogStartupInfo(false);
			spring.setDefaultProperties(DEFAULTS);
			if (!this.properties.isEmpty()) {
				// above the configuration files and environment variables; the
				// command-line arguments are added above it
				StandardEnvironment environment = new StandardEnvironment();
				environment.getPropertySources().addFirst(new MapPropertySource("vapiCommandLine", this.properties));
				spring.setEnvironment(environment);
			}
			this.started = true;
			this.consoleThresholdBefore = System.getProperty(CONSOLE_THRESHOLD);
			try {
				this.context = spring.run(this.arguments.toArray(new String[0]));
			}
			catch (RuntimeException ex) {
				throw new UsageException("The application did not start: " + messages(ex), ex);
			}
		}
		return this.context;
	}

	// the outermost message says where (a property, a bean), the innermost what
	private static String messages(Throwable ex) {
		List<String> parts = new ArrayList<>();
		parts.add(String.valueOf(ex.getMessage()));
		Throwable root = NestedExceptionUtils.getMostSpecificCause(ex);
		if (root != ex && root.getMessage() != null) {
			parts.add(root.getMessage());
		}
		return String.join(": ", parts);
	}

	@Override
	public void close() {
		if (this.context != null) {
			this.context.close();
		}
		if (this.started && this.consoleThresholdBefore == null) {
			System.clearProperty(CONSOLE_THRESHOLD);
		}
	}

}

package io.github.vapiwebhook.testing;

import org.springframework.boot.logging.LoggingInitializationContext;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.core.env.StandardEnvironment;

/**
 * Restores console logging after a test ran a command of the command line in the test
 * JVM. A command starts its application with logging.threshold.console=off, so that its
 * standard output is only the result; in a process of its own that ends with it, but in
 * the test JVM the logging configuration outlives the command's context, and later tests
 * that read the log (OutputCaptureExtension) without starting an application of their own
 * would see nothing.
 */
public final class ConsoleLogging {

	private ConsoleLogging() {
	}

	/**
	 * Configures logging again as a Spring Boot application without settings does.
	 */
	public static void restore() {
		LoggingSystem system = LoggingSystem.get(ConsoleLogging.class.getClassLoader());
		system.cleanUp();
		system.beforeInitialize();
		system.initialize(new LoggingInitializationContext(new StandardEnvironment()), null, null);
	}

}

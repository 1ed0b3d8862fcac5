package com.acme.vapi;

// tag::command-line-main[]
import io.github.vapiwebhook.cli.VapiCommandLine;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

// end::command-line-main[]
/**
 * A user's application that depends on the webhook library: it gets the endpoint from the
 * auto-configuration, and its own handlers, listeners and tools from its component scan;
 * its main runs the library's commands when asked for one, the server otherwise.
 */
// tag::command-line-main[]
@SpringBootApplication
public class AcmeApplication {

	public static void main(String[] args) {
		VapiCommandLine commandLine = new VapiCommandLine(AcmeApplication.class);
		if (commandLine.handles(args)) {
			System.exit(commandLine.run(args));
		}
		SpringApplication.run(AcmeApplication.class, args);
	}

}
// end::command-line-main[]

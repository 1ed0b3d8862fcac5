package io.github.vapiwebhook.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * One run of the command line in a test: its exit code and what it printed.
 *
 * @param exitCode the exit code
 * @param out standard output
 * @param err standard error
 */
record CommandRun(int exitCode, String out, String err) {

	static final String KEY = "sk-test-private-key";

	static CommandRun run(ServerFacts facts, String... args) {
		return run(facts, Map.of(ApiClients.KEY_VARIABLE, KEY), args);
	}

	static CommandRun run(ServerFacts facts, Map<String, String> environment, String... args) {
		StringWriter out = new StringWriter();
		StringWriter err = new StringWriter();
		CommandServices services = new CommandServices(facts, new ApiClients((name) -> value(environment, name)));
		int code = VapiCommandLine.commandLine(services, new PrintWriter(out), new PrintWriter(err)).execute(args);
		return new CommandRun(code, out.toString(), err.toString());
	}

	private static @Nullable String value(Map<String, String> environment, String name) {
		return environment.get(name);
	}

}

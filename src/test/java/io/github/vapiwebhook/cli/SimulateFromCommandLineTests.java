package io.github.vapiwebhook.cli;

import java.net.URI;
import java.util.Map;

import io.github.vapiwebhook.tools.ToolRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * simulate and replay as subcommands of the command line: with no signing or tools option
 * they sign as the application's vapi.security says and call its tools, against the real
 * server on a random port.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "vapi.security.hmac.secrets=command-line-secret", "vapi.examples.enabled=true" })
class SimulateFromCommandLineTests {

	@LocalServerPort
	int port;

	@Autowired
	ToolRegistry tools;

	@Test
	void simulateSignsAndCallsToolsAsTheApplicationsOwnConfigurationSays() {
		FixedServerFacts facts = FixedServerFacts.of(Map.of("vapi.security.hmac.secrets", "command-line-secret"),
				URI.create("http://127.0.0.1:1"), this.tools.definitions());

		CommandRun run = CommandRun.run(facts, "simulate", "--url", "http://localhost:" + this.port + "/vapi/webhook");

		assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
		assertThat(run.out()).contains(" 0 failed").doesNotContain("FAIL");
		long toolCalls = run.out().lines().filter((line) -> line.contains(" tool-calls ")).count();
		assertThat(toolCalls).isEqualTo(this.tools.definitions().size()).isPositive();
	}

	@Test
	void simulateWithAnotherSecretThanTheServersIsReportedAsFailures() {
		FixedServerFacts facts = FixedServerFacts.of(Map.of("vapi.security.hmac.secrets", "another-secret"),
				URI.create("http://127.0.0.1:1"), this.tools.definitions());

		CommandRun run = CommandRun.run(facts, "simulate", "--url", "http://localhost:" + this.port + "/vapi/webhook");

		assertThat(run.exitCode()).isEqualTo(1);
		assertThat(run.out()).contains(" 401 ");
	}

	@Test
	void helpListsSimulateAndReplay() {
		FixedServerFacts facts = FixedServerFacts.of(Map.of(), URI.create("http://127.0.0.1:1"),
				this.tools.definitions());

		CommandRun run = CommandRun.run(facts, "--help");

		assertThat(run.out()).contains("simulate", "replay");
		assertThat(new VapiCommandLine(Object.class).handles("simulate", "--url", "http://x")).isTrue();
		assertThat(new VapiCommandLine(Object.class).handles("replay", "dir")).isTrue();
	}

}

package io.github.vapiwebhook.cli;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class VapiCommandLineTests {

	private final VapiCommandLine commandLine = new VapiCommandLine(Object.class);

	private final FixedServerFacts facts = FixedServerFacts.of(Map.of("vapi.security.hmac.secrets", "k"),
			URI.create("http://127.0.0.1:1"), List.of());

	@Test
	void noArgumentsRunTheServer() {
		assertThat(this.commandLine.handles()).isFalse();
	}

	@Test
	void onlySettingsRunTheServer() {
		assertThat(this.commandLine.handles("--server.port=0", "--vapi.security.hmac.secrets=x")).isFalse();
		assertThat(this.commandLine.handles("--spring.profiles.active=prod")).isFalse();
	}

	@Test
	void anOptionThatIsNoCommandRunsTheServerAsBefore() {
		assertThat(this.commandLine.handles("--debug")).isFalse();
		assertThat(this.commandLine.handles("--debug", "--server.port=0")).isFalse();
	}

	@Test
	void aMistypedCommandIsAUsageErrorInsteadOfAServerStart() {
		assertThat(this.commandLine.handles("simulat", "--url", "http://localhost:8080/vapi/webhook")).isTrue();

		CommandRun run = CommandRun.run(this.facts, "simulat", "--url", "http://localhost:8080/vapi/webhook");

		assertThat(run.exitCode()).isEqualTo(2);
		assertThat(run.err()).contains("simulat").contains("simulate").doesNotContain("\tat ");
	}

	@Test
	void aCommandNameRunsTheCommandLine() {
		assertThat(this.commandLine.handles("connect", "--assistant", "a1")).isTrue();
		assertThat(this.commandLine.handles("tools", "export")).isTrue();
		assertThat(this.commandLine.handles("help")).isTrue();
	}

	@Test
	void settingsMayComeBeforeTheCommand() {
		assertThat(this.commandLine.handles("--vapi.examples.enabled=true", "tools", "sync")).isTrue();
	}

	@Test
	void helpAndVersionOptionsRunTheCommandLine() {
		assertThat(this.commandLine.handles("--help")).isTrue();
		assertThat(this.commandLine.handles("-h")).isTrue();
		assertThat(this.commandLine.handles("--version")).isTrue();
	}

	@Test
	void helpListsTheCommandsAndExitCodes() {
		CommandRun run = CommandRun.run(this.facts, "--help");

		assertThat(run.exitCode()).isZero();
		assertThat(run.out()).contains("connect", "tools", "help", "Exit codes:", "0   Success",
				"1   Vapi's API failed", "2   Usage or configuration error");
	}

	@Test
	void everyCommandHasHelp() {
		for (String[] command : List.of(new String[] { "connect", "--help" }, new String[] { "tools", "--help" },
				new String[] { "tools", "export", "--help" }, new String[] { "tools", "sync", "--help" })) {
			CommandRun run = CommandRun.run(this.facts, command);

			assertThat(run.exitCode()).isZero();
			assertThat(run.out())
				.startsWith("Usage: vapi-webhook-server " + String.join(" ", List.of(command)).replace(" --help", ""));
		}
	}

	@Test
	void helpCommandShowsTheHelpOfACommand() {
		CommandRun run = CommandRun.run(this.facts, "help", "connect");

		assertThat(run.exitCode()).isZero();
		assertThat(run.out()).contains("--assistant=ID", "--phone-number=ID", "--url=PUBLIC_URL", "--dry-run");
	}

	@Test
	void unknownOptionIsAUsageErrorWithoutAStackTrace() {
		CommandRun run = CommandRun.run(this.facts, "connect", "--assistant", "a1", "--colour", "blue");

		assertThat(run.exitCode()).isEqualTo(2);
		assertThat(run.err()).contains("Unknown options: '--colour', 'blue'").doesNotContain("\tat ");
	}

	@Test
	void toolsWithoutASubcommandIsAUsageError() {
		CommandRun run = CommandRun.run(this.facts, "tools");

		assertThat(run.exitCode()).isEqualTo(2);
		assertThat(run.err()).contains("Missing required subcommand").contains("export").contains("sync");
	}

	@Test
	void versionIsPrinted() {
		CommandRun run = CommandRun.run(this.facts, "--version");

		assertThat(run.exitCode()).isZero();
		assertThat(run.out()).startsWith("vapi-webhook-server ");
	}

}

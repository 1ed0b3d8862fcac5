package io.github.vapiwebhook.simulate;

import java.net.URI;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.github.vapiwebhook.security.SecurityProperties;
import io.github.vapiwebhook.testing.CommandRun;
import io.github.vapiwebhook.tools.ToolRegistry;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The simulator against the real server on a random port, with its example tools and HMAC
 * authentication: every built-in scenario passes every check.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "vapi.security.hmac.secrets=simulate-secret", "vapi.examples.enabled=true",
				"vapi.webhook.defaults.transfer-number=+15555550100", "vapi.management.tokens=simulate-token" })
class SimulateAgainstServerTests {

	@LocalServerPort
	int port;

	@Autowired
	SecurityProperties security;

	@Autowired
	ToolRegistry tools;

	@Autowired
	JsonMapper mapper;

	private final CommandRun command = new CommandRun();

	@ParameterizedTest
	@ValueSource(strings = { "inbound-call-with-tool", "transfer", "failed-tool" })
	void everyBuiltInScenarioPassesAgainstTheServer(String scenario) {
		int exit = run(new SimulateCommand(), "--url", webhook(), "--scenario", scenario, "--hmac-secret",
				"simulate-secret", "--tools-url", "http://localhost:" + this.port + "/actuator/vapitools",
				"--tools-token", "simulate-token");
		assertThat(exit).as(this.command.out() + "\n" + this.command.err()).isZero();
		assertThat(this.command.out()).contains(" 0 failed").doesNotContain("FAIL");
	}

	@Test
	void callsEveryRegisteredToolOnce() {
		int exit = run(new SimulateCommand(), "--url", webhook(), "--hmac-secret", "simulate-secret", "--tools-url",
				"http://localhost:" + this.port + "/actuator/vapitools", "--tools-token", "simulate-token");
		assertThat(exit).as(this.command.out()).isZero();
		long toolCalls = this.command.out().lines().filter((line) -> line.contains(" tool-calls ")).count();
		assertThat(toolCalls).isEqualTo(this.tools.definitions().size()).isPositive();
	}

	@Test
	void signsAndFindsToolsAsTheServersOwnConfigurationSays() {
		SimulationDefaults defaults = new SimulationDefaults() {

			@Override
			public RequestSigning signing(URI url) {
				return RequestSigning.of(SimulateAgainstServerTests.this.security, url);
			}

			@Override
			public List<JsonNode> tools() {
				return SimulateAgainstServerTests.this.tools.definitions()
					.stream()
					.map((definition) -> (JsonNode) SimulateAgainstServerTests.this.mapper.valueToTree(definition))
					.toList();
			}

		};
		int exit = run(new SimulateCommand(defaults), "--url", webhook());
		assertThat(exit).as(this.command.out()).isZero();
		assertThat(this.command.out()).contains(" tool-calls ").contains(" 0 failed");
	}

	@Test
	void toolsUrlWithoutTheManagementTokenStopsWithAHint() {
		int exit = run(new SimulateCommand(), "--url", webhook(), "--hmac-secret", "simulate-secret", "--tools-url",
				"http://localhost:" + this.port + "/actuator/vapitools", "--tools-token", "");
		assertThat(exit).isNotZero();
		assertThat(this.command.err()).contains("HTTP 401").contains("--tools-token");
	}

	@Test
	void unsignedRequestsAreReportedAsFailures() {
		int exit = run(new SimulateCommand(), "--url", webhook(), "--scenario", "transfer");
		assertThat(exit).isEqualTo(1);
		assertThat(this.command.out()).contains(" 401 ").contains("10 failed");
	}

	private int run(Object command, String... args) {
		return this.command.execute(command, args);
	}

	private String webhook() {
		return "http://localhost:" + this.port + "/vapi/webhook";
	}

}

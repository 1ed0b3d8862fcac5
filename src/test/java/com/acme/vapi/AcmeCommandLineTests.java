package com.acme.vapi;

import io.github.vapiwebhook.cli.VapiCommandLine;
import io.github.vapiwebhook.testing.ConsoleLogging;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's command line in a user's own application: the command reads that
 * application's tools, not the server's.
 */
@ExtendWith(OutputCaptureExtension.class)
class AcmeCommandLineTests {

	@AfterEach
	void restoreConsoleLogging() {
		ConsoleLogging.restore();
	}

	@Test
	void toolsExportListsTheApplicationsOwnTools(CapturedOutput output) {
		VapiCommandLine commandLine = new VapiCommandLine(AcmeApplication.class);

		assertThat(commandLine.handles("tools", "export")).isTrue();
		int exit = commandLine.run("tools", "export");

		assertThat(exit).as(output.getAll()).isZero();
		assertThat(output.getOut()).contains("\"name\" : \"get_weather\"").doesNotContain("current_time");
	}

}

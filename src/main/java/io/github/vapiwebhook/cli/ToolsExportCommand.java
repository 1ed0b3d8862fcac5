package io.github.vapiwebhook.cli;

import java.util.List;
import java.util.concurrent.Callable;

import io.github.vapiwebhook.tools.ToolDefinition;
import org.jspecify.annotations.Nullable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code tools export}: the generated definitions as JSON, as {@code /actuator/vapitools}
 * shows them.
 */
@Command(name = "export", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
		description = "Prints the function-tool definition of every @VapiTool method as a JSON array (the same as"
				+ " /actuator/vapitools). Needs no API key.",
		exitCodeListHeading = "%nExit codes:%n",
		exitCodeList = { VapiCommandLine.EXIT_CODES_OK, VapiCommandLine.EXIT_CODES_USAGE })
class ToolsExportCommand implements Callable<Integer> {

	private final CommandServices services;

	@Spec
	@Nullable CommandSpec spec;

	ToolsExportCommand(CommandServices services) {
		this.services = services;
	}

	@Override
	public Integer call() {
		Output output = VapiCommandLine.output(this.spec);
		List<ToolDefinition> tools = this.services.server().tools();
		if (tools.isEmpty()) {
			output.progress("No tools: no bean of the application has a @VapiTool method (the runnable server's"
					+ " example tools need --vapi.examples.enabled=true).");
		}
		output.json(tools);
		return VapiCommandLine.OK;
	}

}

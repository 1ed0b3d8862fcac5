package io.github.vapiwebhook.cli;

import io.github.vapiwebhook.simulate.ReplayCommand;
import io.github.vapiwebhook.simulate.SimulateCommand;

import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;

/**
 * The root of the command line. Its {@code subcommands} are the list of every command; a
 * new command is added there.
 */
@Command(name = "vapi-webhook-server", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
		description = {
				"Commands of the Vapi webhook server. Without a command (or with only --name=value"
						+ " settings) the jar runs the server.",
				"Settings: application.yml in the working directory, environment variables and --name=value"
						+ " arguments, as for the server." },
		subcommands = { ConnectCommand.class, ToolsCommand.class, SimulateCommand.class, ReplayCommand.class,
				HelpCommand.class },
		exitCodeListHeading = "%nExit codes:%n", exitCodeList = { VapiCommandLine.EXIT_CODES_OK,
				VapiCommandLine.EXIT_CODES_API, VapiCommandLine.EXIT_CODES_USAGE })
class RootCommand {

}

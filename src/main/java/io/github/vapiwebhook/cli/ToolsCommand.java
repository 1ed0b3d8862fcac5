package io.github.vapiwebhook.cli;

import picocli.CommandLine.Command;

/**
 * {@code tools}: the application's {@code @VapiTool} methods as Vapi function tools.
 */
@Command(name = "tools", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
		description = "The application's @VapiTool methods as Vapi function tools.",
		subcommands = { ToolsExportCommand.class, ToolsSyncCommand.class }, exitCodeListHeading = "%nExit codes:%n",
		exitCodeList = { VapiCommandLine.EXIT_CODES_OK, VapiCommandLine.EXIT_CODES_API,
				VapiCommandLine.EXIT_CODES_USAGE })
class ToolsCommand {

}

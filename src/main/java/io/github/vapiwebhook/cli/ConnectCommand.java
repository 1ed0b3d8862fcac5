package io.github.vapiwebhook.cli;

import java.net.URI;
import java.util.concurrent.Callable;

import io.github.vapiwebhook.vapiapi.VapiApiClient;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ObjectNode;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code connect}: creates or updates the credential that matches {@code vapi.security}
 * and points an assistant or a phone number at the webhook.
 */
@Command(name = "connect", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
		description = { "Points a Vapi assistant or phone number at this server: creates or updates the credential"
				+ " that matches vapi.security (found by its name, vapi.api.credential-name) and sets the server"
				+ " url, timeoutSeconds and credentialId. Prints the server object before and after, secrets masked.",
				"Needs VAPI_API_KEY." },
		exitCodeListHeading = "%nExit codes:%n", exitCodeList = { VapiCommandLine.EXIT_CODES_OK,
				VapiCommandLine.EXIT_CODES_API, VapiCommandLine.EXIT_CODES_USAGE })
class ConnectCommand implements Callable<Integer> {

	private final CommandServices services;

	@ArgGroup(exclusive = true, multiplicity = "1")
	@Nullable Target target;

	@Option(names = "--url", paramLabel = "PUBLIC_URL",
			description = "The server's public URL (e.g. your tunnel's); the webhook path (vapi.webhook.path) is"
					+ " appended when the URL has no path. Default: vapi.security.public-base-url.")
	@Nullable URI url;

	@Option(names = "--timeout-seconds", paramLabel = "N",
			description = "The server's timeoutSeconds (1-300). Default: the current value, or 20.")
	@Nullable Integer timeoutSeconds;

	@Option(names = "--dry-run", description = "Show what would change; change nothing.")
	boolean dryRun;

	@Spec
	@Nullable CommandSpec spec;

	ConnectCommand(CommandServices services) {
		this.services = services;
	}

	@Override
	public Integer call() {
		Output output = VapiCommandLine.output(this.spec);
		Target target = targetOf();
		if (this.timeoutSeconds != null && (this.timeoutSeconds < 1 || this.timeoutSeconds > 300)) {
			throw new UsageException("--timeout-seconds must be between 1 and 300, not " + this.timeoutSeconds);
		}
		Connection connection = Connection.open(this.services, output, this.url);
		VapiApiClient api = connection.api();
		output.progress("Reading " + target.subject() + " from Vapi...");
		ObjectNode current = target.read(api);
		CredentialSync.Plan plan = connection.planCredential();
		if (plan == null) {
			output.line("vapi.security.mode is none: no credential; the current credentialId, if any, is kept.");
		}
		show(output, target, ServerChange.of(current.path("server"), connection.webhook(), this.timeoutSeconds,
				(plan != null) ? plan.plannedId() : null));
		if (this.dryRun) {
			output.line("Dry run: nothing was changed.");
			return VapiCommandLine.OK;
		}
		String credentialId = (plan != null) ? connection.credentials().apply(plan) : null;
		ServerChange applied = ServerChange.of(current.path("server"), connection.webhook(), this.timeoutSeconds,
				credentialId);
		output.progress("Updating " + target.subject() + "...");
		ObjectNode updated = target.update(api, applied.after());
		output.line("Done: " + target.subject() + " now sends its server messages to "
				+ updated.path("server").path("url").asString(connection.webhook()) + ".");
		return VapiCommandLine.OK;
	}

	private static void show(Output output, Target target, ServerChange change) {
		output.line("Server of " + target.subject() + ", before:");
		output.json(ServerChange.masked(change.before()));
		output.line("after:");
		output.json(ServerChange.masked(change.after()));
	}

	private Target targetOf() {
		if (this.target == null) {
			throw new UsageException("Missing --assistant or --phone-number");
		}
		return this.target;
	}

	/**
	 * The assistant or the phone number to point at the webhook: exactly one of them.
	 */
	static class Target {

		@Option(names = "--assistant", paramLabel = "ID", required = true, description = "The assistant's id.")
		@Nullable String assistant;

		@Option(names = "--phone-number", paramLabel = "ID", required = true,
				description = "The phone number's id (not the number).")
		@Nullable String phoneNumber;

		String subject() {
			return (this.assistant != null) ? "assistant " + this.assistant : "phone number " + this.phoneNumber;
		}

		ObjectNode read(VapiApiClient api) {
			return (this.assistant != null) ? api.assistant(this.assistant) : api.phoneNumber(id(this.phoneNumber));
		}

		ObjectNode update(VapiApiClient api, ObjectNode server) {
			return (this.assistant != null) ? api.updateAssistantServer(this.assistant, server)
					: api.updatePhoneNumberServer(id(this.phoneNumber), server);
		}

		private static String id(@Nullable String value) {
			if (value == null) {
				throw new UsageException("Missing --assistant or --phone-number");
			}
			return value;
		}

	}

}

package io.github.vapiwebhook.cli;

import java.net.URI;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

import io.github.vapiwebhook.tools.ToolDefinition;
import io.github.vapiwebhook.vapiapi.VapiApiClient;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.MissingNode;
import tools.jackson.databind.node.ObjectNode;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code tools sync}: creates or updates Vapi's function tools so that they match the
 * application's, shows the difference first, and never deletes a tool or touches one it
 * did not create.
 */
@Command(name = "sync", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
		description = { "Creates or updates Vapi's function tools so that they match the @VapiTool methods, with the"
				+ " server URL and the credential (as connect makes it) set. Shows the difference first. Only tools"
				+ " that tools sync created (marked by the server header " + ToolSyncPlanner.MARKER_HEADER
				+ ") are updated; no tool is ever deleted.", "Needs VAPI_API_KEY." },
		exitCodeListHeading = "%nExit codes:%n", exitCodeList = { VapiCommandLine.EXIT_CODES_OK,
				VapiCommandLine.EXIT_CODES_API, VapiCommandLine.EXIT_CODES_USAGE })
class ToolsSyncCommand implements Callable<Integer> {

	private static final String MASK = "********";

	private final CommandServices services;

	@Option(names = "--url", paramLabel = "PUBLIC_URL",
			description = "The server's public URL; the webhook path is appended when the URL has no path."
					+ " Default: vapi.security.public-base-url.")
	@Nullable URI url;

	@Option(names = "--dry-run", description = "Show the difference; change nothing.")
	boolean dryRun;

	@Spec
	@Nullable CommandSpec spec;

	ToolsSyncCommand(CommandServices services) {
		this.services = services;
	}

	@Override
	public Integer call() {
		Output output = VapiCommandLine.output(this.spec);
		List<ToolDefinition> definitions = this.services.server().tools();
		Connection connection = Connection.open(this.services, output, this.url);
		String webhook = connection.webhook();
		VapiApiClient api = connection.api();
		CredentialSync.Plan plan = connection.planCredential();
		output.progress("Reading the tools in Vapi...");
		List<ObjectNode> existing = api.tools();
		ToolSyncPlanner planner = new ToolSyncPlanner(output.mapper());
		List<ToolChange> changes = planner.plan(definitions, existing, webhook,
				(plan != null) ? plan.plannedId() : null);
		output.line(definitions.size() + " tools in the application, webhook " + webhook + ":");
		changes.forEach((change) -> print(output, change));
		long writes = changes.stream().filter(ToolsSyncCommand::writes).count();
		if (this.dryRun) {
			output.line("Dry run: nothing was changed (" + writes + " tools would be created or updated).");
			return VapiCommandLine.OK;
		}
		String credentialId = (plan != null) ? connection.credentials().apply(plan) : null;
		List<ToolChange> applied = planner.plan(definitions, existing, webhook, credentialId)
			.stream()
			.filter(ToolsSyncCommand::writes)
			.toList();
		int done = 0;
		for (ToolChange change : applied) {
			done++;
			output.progress("[" + done + "/" + applied.size() + "] "
					+ ((change.action() == ToolChange.Action.CREATE) ? "Creating" : "Updating") + " tool '"
					+ change.name() + "'...");
			if (change.action() == ToolChange.Action.CREATE) {
				api.createTool(body(change));
			}
			else {
				api.updateTool(String.valueOf(change.id()), body(change));
			}
		}
		output.line("Done: " + applied.size() + " tools created or updated.");
		return VapiCommandLine.OK;
	}

	private static boolean writes(ToolChange change) {
		return change.action() == ToolChange.Action.CREATE || change.action() == ToolChange.Action.UPDATE;
	}

	private static ObjectNode body(ToolChange change) {
		if (change.body() == null) {
			throw new IllegalStateException("No body for tool '" + change.name() + "'");
		}
		return change.body();
	}

	private static void print(Output output, ToolChange change) {
		switch (change.action()) {
			case CREATE -> output.line("  + " + change.name() + ": create");
			case UPDATE -> output.line("  ~ " + change.name() + " (" + change.id() + "): update");
			case UNCHANGED -> output.line("  = " + change.name() + " (" + change.id() + "): unchanged");
			case NOT_OURS -> output.line("  ! " + change.name() + " (" + change.id() + "): a tool of this name exists"
					+ " that tools sync did not create; left alone (rename one of them, or delete it in Vapi)");
			case GONE -> output.line("  - " + change.name() + " (" + change.id() + "): created by tools sync but no"
					+ " longer in the application; left alone (tools sync never deletes)");
		}
		if (writes(change)) {
			JsonNode before = (change.before() != null) ? change.before() : MissingNode.getInstance();
			for (String part : List.of("function", "server")) {
				diff(output, part, before.path(part), body(change).path(part));
			}
		}
	}

	private static void diff(Output output, String part, JsonNode before, JsonNode after) {
		Set<String> fields = new LinkedHashSet<>();
		before.propertyNames().forEach(fields::add);
		after.propertyNames().forEach(fields::add);
		for (String field : fields) {
			JsonNode old = printable(part, field, before.path(field));
			JsonNode now = printable(part, field, after.path(field));
			if (!old.equals(now)) {
				output.line("      " + part + "." + field + ": " + text(output, old) + " -> " + text(output, now));
			}
		}
	}

	// header values may carry secrets; the marker is shown as it is
	private static JsonNode printable(String part, String field, JsonNode value) {
		if ("server".equals(part) && "headers".equals(field) && value instanceof ObjectNode headers) {
			ObjectNode masked = headers.deepCopy();
			masked.propertyNames()
				.stream()
				.filter((name) -> !ToolSyncPlanner.MARKER_HEADER.equals(name))
				.toList()
				.forEach((name) -> masked.put(name, MASK));
			return masked;
		}
		return value;
	}

	private static String text(Output output, JsonNode value) {
		return value.isMissingNode() ? "(none)" : output.compact(value);
	}

}

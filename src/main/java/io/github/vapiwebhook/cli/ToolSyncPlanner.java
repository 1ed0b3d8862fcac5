package io.github.vapiwebhook.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import io.github.vapiwebhook.tools.ToolDefinition;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Works out what {@code tools sync} does: the application's tools against Vapi's, matched
 * by function name. A tool that {@code tools sync} created carries a marker header in its
 * {@code server.headers} (Vapi's tool has no metadata field; the header reaches only this
 * server); only such a tool is ever updated, and none is ever deleted.
 */
class ToolSyncPlanner {

	/** The header that marks a tool created by {@code tools sync}. */
	static final String MARKER_HEADER = "X-Vapi-Webhook-Managed-By";

	static final String MARKER_VALUE = "vapi-webhook-server tools sync";

	private final JsonMapper json;

	ToolSyncPlanner(JsonMapper json) {
		this.json = json;
	}

	/**
	 * The changes, in the application's tool order, then the tools of ours that the
	 * application no longer has.
	 * @param definitions the application's tools
	 * @param existing Vapi's tools, of every type
	 * @param url the webhook URL
	 * @param credentialId the credential to set, or {@code null} for none
	 */
	List<ToolChange> plan(List<ToolDefinition> definitions, List<ObjectNode> existing, String url,
			@Nullable String credentialId) {
		List<ObjectNode> functions = existing.stream()
			.filter((tool) -> "function".equals(tool.path("type").asString()))
			.toList();
		List<ToolChange> changes = new ArrayList<>();
		for (ToolDefinition definition : definitions) {
			changes.add(change(definition, functions, url, credentialId));
		}
		Set<String> names = definitions.stream().map((d) -> d.function().name()).collect(Collectors.toSet());
		functions.stream()
			.filter(ToolSyncPlanner::ours)
			.filter((tool) -> !names.contains(nameOf(tool)))
			.forEach((tool) -> changes
				.add(new ToolChange(ToolChange.Action.GONE, nameOf(tool), tool.path("id").asString(), null, null)));
		return changes;
	}

	private ToolChange change(ToolDefinition definition, List<ObjectNode> functions, String url,
			@Nullable String credentialId) {
		String name = definition.function().name();
		List<ObjectNode> named = functions.stream().filter((tool) -> name.equals(nameOf(tool))).toList();
		Optional<ObjectNode> ours = named.stream().filter(ToolSyncPlanner::ours).findFirst();
		if (ours.isEmpty()) {
			if (!named.isEmpty()) {
				return new ToolChange(ToolChange.Action.NOT_OURS, name, named.get(0).path("id").asString(), null, null);
			}
			ObjectNode tool = this.json.createObjectNode().put("type", "function");
			tool.set("function", function(definition, this.json.createObjectNode()));
			tool.set("server", server(this.json.createObjectNode(), url, credentialId));
			return new ToolChange(ToolChange.Action.CREATE, name, null, null, tool);
		}
		ObjectNode current = ours.get();
		ObjectNode before = this.json.createObjectNode();
		before.set("function", current.path("function").deepCopy());
		before.set("server", current.path("server").deepCopy());
		ObjectNode body = this.json.createObjectNode().put("type", "function");
		body.set("function", function(definition, current.path("function")));
		body.set("server", server(current.path("server"), url, credentialId));
		boolean same = body.get("function").equals(before.get("function"))
				&& body.get("server").equals(before.get("server"));
		return new ToolChange(same ? ToolChange.Action.UNCHANGED : ToolChange.Action.UPDATE, name,
				current.path("id").asString(), before, body);
	}

	// the function as the application defines it, over what Vapi has (strict, ...)
	private ObjectNode function(ToolDefinition definition, JsonNode current) {
		ObjectNode function = current.isObject() ? (ObjectNode) current.deepCopy() : this.json.createObjectNode();
		function.put("name", definition.function().name());
		if (definition.function().description() != null) {
			function.put("description", definition.function().description());
		}
		else {
			function.remove("description");
		}
		function.set("parameters", definition.function().parameters().deepCopy());
		return function;
	}

	private ObjectNode server(JsonNode current, String url, @Nullable String credentialId) {
		ObjectNode server = current.isObject() ? (ObjectNode) current.deepCopy() : this.json.createObjectNode();
		server.put("url", url);
		if (credentialId != null) {
			server.put("credentialId", credentialId);
		}
		ObjectNode headers = (server.get("headers") instanceof ObjectNode existing) ? existing
				: server.putObject("headers");
		headers.put(MARKER_HEADER, MARKER_VALUE);
		return server;
	}

	static boolean ours(JsonNode tool) {
		return MARKER_VALUE.equals(tool.path("server").path("headers").path(MARKER_HEADER).asString(null));
	}

	private static String nameOf(JsonNode tool) {
		return tool.path("function").path("name").asString("");
	}

}

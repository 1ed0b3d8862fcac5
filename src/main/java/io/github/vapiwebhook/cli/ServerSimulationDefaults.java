package io.github.vapiwebhook.cli;

import java.net.URI;
import java.util.List;

import io.github.vapiwebhook.simulate.RequestSigning;
import io.github.vapiwebhook.simulate.SimulationDefaults;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What simulate and replay take from the application when no option says otherwise:
 * requests signed as its vapi.security configuration expects, and its tools. The
 * application's context starts only when one of them is asked for.
 *
 * @param server the application's configuration and tools
 * @param mapper writes the tool definitions as JSON
 */
record ServerSimulationDefaults(ServerFacts server, JsonMapper mapper) implements SimulationDefaults {

	@Override
	public RequestSigning signing(URI url) {
		return RequestSigning.of(this.server.security(), url);
	}

	@Override
	public List<JsonNode> tools() {
		return this.server.tools().stream().map((tool) -> (JsonNode) this.mapper.valueToTree(tool)).toList();
	}

}

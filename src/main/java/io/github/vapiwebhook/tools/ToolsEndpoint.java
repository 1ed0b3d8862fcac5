package io.github.vapiwebhook.tools;

import java.util.List;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;

/**
 * Actuator endpoint {@code /actuator/vapitools}: the Vapi function-tool definition of
 * every tool, ready to paste into a Vapi tool or send to Vapi's API.
 */
@Endpoint(id = "vapitools")
class ToolsEndpoint {

	private final ToolRegistry registry;

	ToolsEndpoint(ToolRegistry registry) {
		this.registry = registry;
	}

	@ReadOperation
	List<ToolDefinition> definitions() {
		return this.registry.definitions();
	}

}

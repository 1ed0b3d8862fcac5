package io.github.vapiwebhook.tools;

import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.databind.node.ObjectNode;

/**
 * A tool as Vapi's API defines a function tool:
 * {@code {"type":"function","function":{"name","description","parameters"}}}, ready to
 * paste into a Vapi tool or send to its API.
 *
 * @param type always {@code function}
 * @param function the function
 */
public record ToolDefinition(String type, Function function) {

	/**
	 * A function tool definition.
	 * @param name the tool name
	 * @param description the description
	 * @param parameters the JSON schema of the arguments object
	 * @return the definition
	 */
	public static ToolDefinition function(String name, String description, ObjectNode parameters) {
		return new ToolDefinition("function",
				new Function(name, description.isEmpty() ? null : description, parameters));
	}

	/**
	 * The function part of a definition.
	 *
	 * @param name the tool name
	 * @param description what the tool does, or {@code null}
	 * @param parameters the JSON schema of the arguments object
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record Function(String name, @org.jspecify.annotations.Nullable String description, ObjectNode parameters) {
	}

}

package io.github.vapiwebhook.tools;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads a tool call's arguments from the shapes Vapi sends: an object, a JSON string
 * holding an object, an empty string or nothing (no arguments).
 */
class ToolArguments {

	private final JsonMapper mapper;

	ToolArguments(JsonMapper mapper) {
		this.mapper = mapper;
	}

	/**
	 * The arguments object.
	 * @param raw the arguments as sent ({@code ToolCall.rawArguments()})
	 * @return the arguments, empty when none were sent
	 * @throws ToolArgumentException when they are not a JSON object
	 */
	ObjectNode read(@Nullable JsonNode raw) {
		if (raw == null || raw.isNull() || raw.isMissingNode()) {
			return this.mapper.createObjectNode();
		}
		JsonNode value = raw;
		if (raw.isString()) {
			String text = raw.asString().trim();
			if (text.isEmpty()) {
				return this.mapper.createObjectNode();
			}
			try {
				value = this.mapper.readTree(text);
			}
			catch (JacksonException ex) {
				throw new ToolArgumentException("The arguments are not valid JSON", ex);
			}
		}
		if (value instanceof ObjectNode object) {
			return object;
		}
		throw new ToolArgumentException("The arguments must be a JSON object");
	}

}

package io.github.vapiwebhook.simulate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * The shape of one reply object as Vapi's OpenAPI document describes it: the JSON type of
 * each property, the required properties, and the properties of which at least one must
 * be present.
 *
 * @param schema the name of the schema in the document
 * @param required the properties that must be present
 * @param anyOf the properties of which at least one must be present (empty for none)
 * @param properties the JSON type of each known property: string, number, boolean, object
 * or array
 */
record ReplyShape(String schema, List<String> required, List<String> anyOf, Map<String, String> properties) {

	ReplyShape {
		required = List.copyOf(required);
		anyOf = List.copyOf(anyOf);
		properties = Map.copyOf(properties);
	}

	/**
	 * What is wrong with a reply object; unknown properties are allowed, as Vapi ignores
	 * them.
	 * @param reply the reply object
	 * @param where how the object is named in a problem, such as "reply" or "results[0]"
	 * @return the problems, empty when the object has this shape
	 */
	List<String> problems(JsonNode reply, String where) {
		List<String> problems = new ArrayList<>();
		if (!reply.isObject()) {
			problems.add(where + " is not a JSON object");
			return problems;
		}
		for (String name : this.required) {
			if (!reply.has(name)) {
				problems.add(where + " has no '" + name + "'");
			}
		}
		if (!this.anyOf.isEmpty() && this.anyOf.stream().noneMatch(reply::has)) {
			problems.add(where + " has none of " + String.join(", ", this.anyOf));
		}
		this.properties.forEach((name, type) -> {
			JsonNode value = reply.get(name);
			if (value != null && !value.isNull() && !hasType(value, type)) {
				problems.add(where + "." + name + " is not "
						+ (("object".equals(type) || "array".equals(type)) ? "an " : "a ") + type);
			}
		});
		return problems;
	}

	private static boolean hasType(JsonNode value, String type) {
		return switch (type) {
			case "string" -> value.isString();
			case "number" -> value.isNumber();
			case "boolean" -> value.isBoolean();
			case "array" -> value.isArray();
			case "object" -> value.isObject();
			default -> throw new IllegalStateException("Unknown JSON type in reply-shapes.json: " + type);
		};
	}

}

package io.github.vapiwebhook.simulate;

import java.time.LocalDate;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Makes plausible tool arguments from a tool's JSON schema: every declared property gets
 * a value of its type (the first enum value, an example or the default where the schema
 * has one, a date for format date, the minimum for a bounded number).
 */
final class ArgumentGenerator {

	private static final int MAX_DEPTH = 8;

	private static final JsonNodeFactory nodes = JsonNodeFactory.instance;

	private final LocalDate day;

	/**
	 * A generator.
	 * @param day the date used for date and date-time values
	 */
	ArgumentGenerator(LocalDate day) {
		this.day = day;
	}

	/**
	 * Arguments for a schema.
	 * @param schema the JSON schema of the arguments object
	 * @return a value that the schema accepts in the common cases
	 */
	JsonNode arguments(JsonNode schema) {
		JsonNode value = value(schema, 0);
		return value.isObject() ? value : nodes.objectNode();
	}

	private JsonNode value(JsonNode schema, int depth) {
		for (String given : new String[] { "const", "default" }) {
			if (schema.has(given)) {
				return schema.get(given);
			}
		}
		if (schema.path("enum").isArray() && !schema.get("enum").isEmpty()) {
			return schema.get("enum").get(0);
		}
		if (schema.path("examples").isArray() && !schema.get("examples").isEmpty()) {
			return schema.get("examples").get(0);
		}
		for (String alternatives : new String[] { "anyOf", "oneOf", "allOf" }) {
			if (schema.path(alternatives).isArray() && !schema.get(alternatives).isEmpty()) {
				return value(schema.get(alternatives).get(0), depth + 1);
			}
		}
		if (depth > MAX_DEPTH) {
			return nodes.nullNode();
		}
		return switch (type(schema)) {
			case "object" -> object(schema, depth);
			case "array" -> array(schema, depth);
			case "integer" -> nodes.numberNode(schema.path("minimum").asLong(1));
			case "number" -> nodes.numberNode(schema.path("minimum").asDouble(1.5));
			case "boolean" -> nodes.booleanNode(true);
			case "null" -> nodes.nullNode();
			default -> nodes.stringNode(text(schema));
		};
	}

	private static String type(JsonNode schema) {
		JsonNode type = schema.path("type");
		if (type.isArray()) {
			for (JsonNode each : type) {
				if (!"null".equals(each.asString())) {
					return each.asString();
				}
			}
		}
		if (type.isString()) {
			return type.asString();
		}
		return schema.has("properties") ? "object" : "string";
	}

	private ObjectNode object(JsonNode schema, int depth) {
		ObjectNode object = nodes.objectNode();
		schema.path("properties")
			.properties()
			.forEach((entry) -> object.set(entry.getKey(), value(entry.getValue(), depth + 1)));
		return object;
	}

	private ArrayNode array(JsonNode schema, int depth) {
		ArrayNode array = nodes.arrayNode();
		int count = Math.max(1, schema.path("minItems").asInt(1));
		for (int i = 0; i < count; i++) {
			array.add(value(schema.path("items"), depth + 1));
		}
		return array;
	}

	private String text(JsonNode schema) {
		return switch (schema.path("format").asString("")) {
			case "date" -> this.day.toString();
			case "date-time" -> this.day.atTime(10, 0) + ":00Z";
			case "time" -> "10:00:00";
			case "email" -> "caller@example.com";
			case "uuid" -> UUID.nameUUIDFromBytes(this.day.toString().getBytes()).toString();
			case "uri" -> "https://example.com/";
			default -> "example";
		};
	}

}

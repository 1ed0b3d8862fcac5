package io.github.vapiwebhook.vapiapi;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The schemas of Vapi's openapi.json that the API client's requests must fit, from the
 * committed fragment {@code vapiapi/openapi-fragment.json}, and a check of a request body
 * against one: required properties present, no property the schema does not define, enum
 * values and JSON types as declared, nested schemas ({@code allOf} and {@code oneOf} with
 * a discriminator) followed. Schemas the fragment leaves out are not checked.
 */
public final class SchemaFragment {

	private final JsonNode schemas;

	private SchemaFragment(JsonNode schemas) {
		this.schemas = schemas;
	}

	public static SchemaFragment load() {
		try (InputStream in = SchemaFragment.class.getResourceAsStream("/vapiapi/openapi-fragment.json")) {
			return new SchemaFragment(JsonMapper.builder().build().readTree(in).path("components").path("schemas"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public JsonNode schemas() {
		return this.schemas;
	}

	/**
	 * The violations of a value against a schema of the fragment.
	 * @param value the JSON value
	 * @param schemaName the schema's name in components.schemas
	 * @return one line per violation, empty when the value fits
	 */
	public List<String> violations(JsonNode value, String schemaName) {
		List<String> violations = new ArrayList<>();
		check(value, this.schemas.path(schemaName), schemaName, violations);
		return violations;
	}

	private void check(JsonNode value, JsonNode schema, String where, List<String> violations) {
		if (schema.isMissingNode()) {
			return;
		}
		if (schema.has("allOf")) {
			schema.path("allOf").forEach((part) -> check(value, resolve(part), where, violations));
			return;
		}
		if (schema.has("oneOf") && schema.has("discriminator")) {
			String property = schema.path("discriminator").path("propertyName").asString();
			String ref = schema.path("discriminator")
				.path("mapping")
				.path(value.path(property).asString(""))
				.asString(null);
			if (ref == null) {
				violations.add(where + "." + property + ": '" + value.path(property).asString("") + "' is not one of "
						+ schema.path("discriminator").path("mapping").propertyNames());
				return;
			}
			check(value, resolve(JsonMapper.builder().build().createObjectNode().put("$ref", ref)), where, violations);
			return;
		}
		if (schema.has("$ref")) {
			check(value, resolve(schema), where, violations);
			return;
		}
		checkType(value, schema, where, violations);
		if (schema.has("enum") && !contains(schema.path("enum"), value)) {
			violations.add(where + ": " + value + " is not one of " + schema.path("enum"));
		}
		if (value.isObject() && schema.has("properties")) {
			schema.path("required").forEach((name) -> {
				if (!value.has(name.asString())) {
					violations.add(where + ": required property '" + name.asString() + "' is missing");
				}
			});
			for (String name : value.propertyNames()) {
				JsonNode property = schema.path("properties").path(name);
				if (property.isMissingNode()) {
					if (!schema.path("x-partial").asBoolean(false)) {
						violations.add(where + ": property '" + name + "' is not in the schema");
					}
				}
				else {
					check(value.path(name), property, where + "." + name, violations);
				}
			}
		}
	}

	private static void checkType(JsonNode value, JsonNode schema, String where, List<String> violations) {
		String type = schema.path("type").asString("");
		boolean fits = switch (type) {
			case "string" -> value.isString();
			case "boolean" -> value.isBoolean();
			case "number", "integer" -> value.isNumber();
			case "object" -> value.isObject();
			case "array" -> value.isArray();
			default -> true;
		};
		if (!fits) {
			violations.add(where + ": " + value + " is not of type " + type);
		}
	}

	private static boolean contains(JsonNode values, JsonNode value) {
		for (JsonNode candidate : values) {
			if (candidate.equals(value)) {
				return true;
			}
		}
		return false;
	}

	private JsonNode resolve(JsonNode reference) {
		String ref = reference.path("$ref").asString("");
		return ref.startsWith("#/components/schemas/")
				? this.schemas.path(ref.substring("#/components/schemas/".length())) : reference;
	}

}

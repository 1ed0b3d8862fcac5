package io.github.vapiwebhook.reply;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Compares a JSON Schema fragment written from Vapi's OpenAPI document with the
 * document's component schemas: every {@code $defs} entry must be a component of the same
 * name, every property it lists must exist there, and the required lists, types, enums,
 * bounds, patterns and references must be the same, allowing only the fragment's
 * documented changes (oneOf as anyOf over a subset of the referenced schemas, no enum on
 * arrays, nullable as a null type, slashes stripped from patterns, closed objects).
 */
final class OpenApiFragmentComparison {

	private static final List<String> COPIED = List.of("minimum", "maximum", "maxLength", "minLength");

	private final List<String> disagreements = new ArrayList<>();

	/**
	 * Compares the fragment with the document's schemas.
	 * @param fragment the fragment
	 * @param schemas the document's {@code components.schemas}
	 * @return what disagrees, one line each; empty when all agrees
	 */
	List<String> disagreements(JsonNode fragment, JsonNode schemas) {
		for (Map.Entry<String, JsonNode> def : fragment.get("$defs").properties()) {
			JsonNode source = schemas.get(def.getKey());
			if (source == null) {
				this.disagreements.add(def.getKey() + ": no such schema in the document");
				continue;
			}
			compareObject(def.getKey(), def.getValue(), source);
		}
		return this.disagreements;
	}

	private void compareObject(String path, JsonNode fragment, JsonNode source) {
		if (!names(fragment.get("required")).equals(names(source.get("required")))) {
			this.disagreements.add(path + ": required " + names(fragment.get("required")) + " but the document has "
					+ names(source.get("required")));
		}
		for (Map.Entry<String, JsonNode> property : fragment.get("properties").properties()) {
			JsonNode original = source.path("properties").get(property.getKey());
			if (original == null) {
				this.disagreements.add(path + "." + property.getKey() + ": no such property in the document");
			}
			else {
				compare(path + "." + property.getKey(), property.getValue(), original);
			}
		}
	}

	private void compare(String path, JsonNode fragment, JsonNode source) {
		if (fragment.has("$ref")) {
			JsonNode reference = source.has("allOf") ? source.get("allOf").get(0) : source;
			same(path + " $ref", simpleName(fragment.get("$ref")), simpleName(reference.get("$ref")));
			return;
		}
		if (fragment.has("anyOf")) {
			compareAlternatives(path, (ArrayNode) fragment.get("anyOf"),
					source.has("oneOf") ? source.get("oneOf") : source.path("anyOf"));
		}
		JsonNode type = source.get("type");
		if (type != null && source.path("nullable").asBoolean(false)) {
			type = JsonNodeFactory.instance.arrayNode().add(type).add("null");
		}
		same(path + " type", fragment.get("type"), type);
		// Vapi's document puts the item enum on the array as well; the fragment keeps it
		// on the items.
		same(path + " enum", fragment.get("enum"),
				"array".equals(source.path("type").asString("")) ? null : source.get("enum"));
		COPIED.forEach((keyword) -> same(path + " " + keyword, fragment.get(keyword), source.get(keyword)));
		same(path + " pattern", fragment.get("pattern"), pattern(source.get("pattern")));
		if (fragment.has("items") || source.has("items")) {
			compare(path + "[]", fragment.path("items"), source.path("items"));
		}
	}

	private void compareAlternatives(String path, ArrayNode fragment, JsonNode source) {
		Set<String> references = new TreeSet<>();
		List<JsonNode> inline = new ArrayList<>();
		source.forEach((branch) -> {
			if (branch.has("$ref")) {
				references.add(simpleName(branch.get("$ref")).asString());
			}
			else {
				inline.add(branch);
			}
		});
		int index = 0;
		for (JsonNode branch : fragment) {
			if (branch.has("$ref")) {
				String name = simpleName(branch.get("$ref")).asString();
				if (!references.contains(name)) {
					this.disagreements.add(path + ": " + name + " is not one of the document's alternatives");
				}
			}
			else if (index < inline.size()) {
				compare(path + " alternative " + index, branch, inline.get(index++));
			}
			else {
				this.disagreements.add(path + ": an alternative that the document does not have");
			}
		}
		if (index != inline.size()) {
			this.disagreements
				.add(path + ": the document has " + inline.size() + " inline alternatives, the fragment " + index);
		}
	}

	private void same(String what, JsonNode fragment, JsonNode source) {
		if (fragment == null ? source != null : !fragment.equals(source)) {
			this.disagreements.add(what + ": " + fragment + " but the document has " + source);
		}
	}

	private static Set<String> names(JsonNode list) {
		Set<String> names = new TreeSet<>();
		if (list != null) {
			list.forEach((name) -> names.add(name.asString()));
		}
		return names;
	}

	private static JsonNode simpleName(JsonNode reference) {
		String text = (reference != null) ? reference.asString() : "";
		return JsonNodeFactory.instance.stringNode(text.substring(text.lastIndexOf('/') + 1));
	}

	// Some of the document's patterns are JavaScript literals (/.../u), which JSON Schema
	// reads literally.
	private static JsonNode pattern(JsonNode pattern) {
		if (pattern == null || !pattern.asString().startsWith("/")) {
			return pattern;
		}
		String text = pattern.asString();
		return JsonNodeFactory.instance.stringNode(text.substring(1, text.lastIndexOf('/')));
	}

}

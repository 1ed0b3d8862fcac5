package io.github.vapiwebhook.reply;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Fields of a Vapi object that the typed builders do not name, passed through as they
 * are: the way to set any field of a transient assistant (or of its model, voice,
 * transcriber or server) that Vapi knows and this server does not. A field may not also
 * be set by a typed method; the owning record refuses that when it is built.
 *
 * @param values the fields in the order they were given, each a JSON tree
 */
public record PassThroughFields(Map<String, JsonNode> values) {

	private static final PassThroughFields NONE = new PassThroughFields(Map.of());

	public PassThroughFields {
		Map<String, JsonNode> copy = new LinkedHashMap<>();
		values.forEach((name, value) -> {
			if (name == null || name.isBlank() || value == null || value.isNull()) {
				throw new IllegalArgumentException("A pass-through field needs a name and a value that is not null");
			}
			copy.put(name, value.deepCopy());
		});
		values = Collections.unmodifiableMap(copy);
	}

	/**
	 * No fields.
	 * @return the empty set of fields
	 */
	public static PassThroughFields none() {
		return NONE;
	}

	/**
	 * These fields and one more; a field of the same name is replaced.
	 * @param name the field's name as Vapi spells it
	 * @param value its value: a JsonNode, or anything Jackson writes as JSON (a string,
	 * number, boolean, list, map or record)
	 * @return the new fields
	 */
	public PassThroughFields with(String name, Object value) {
		Map<String, JsonNode> more = new LinkedHashMap<>(this.values);
		more.put(name, (value instanceof JsonNode node) ? node : JsonMapper.shared().valueToTree(value));
		return new PassThroughFields(more);
	}

	/**
	 * Refuses a field that a typed method sets too.
	 * @param owner the object the fields belong to, for the message (for example
	 * {@code model})
	 * @param typed the names the typed methods set
	 * @return these fields
	 * @throws IllegalArgumentException when a name is in both
	 */
	PassThroughFields requireNoneOf(String owner, Collection<String> typed) {
		for (String name : this.values.keySet()) {
			if (typed.contains(name)) {
				throw new IllegalArgumentException(owner + "." + name + " is set twice: by its typed method and "
						+ "as a pass-through field; keep one");
			}
		}
		return this;
	}

	/**
	 * Writes the fields into an object, after its typed fields.
	 * @param target the object
	 * @return the object
	 */
	ObjectNode writeTo(ObjectNode target) {
		this.values.forEach((name, value) -> target.set(name, value.deepCopy()));
		return target;
	}

	/**
	 * Sets a text field when there is a value.
	 * @param target the object
	 * @param name the field
	 * @param value the value, or null to leave the field out
	 */
	static void putIfPresent(ObjectNode target, String name, @Nullable Object value) {
		if (value != null) {
			target.set(name, JsonMapper.shared().valueToTree(value));
		}
	}

}

package io.github.vapiwebhook.simulate;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A call to simulate: its steps in order. Each step is the part of a message that the
 * scenario decides (its type and any of its own fields); the simulator adds the call, the
 * customer, the timestamps and the type's usual content. A tool-calls step may list
 * "tools" (name and arguments), else it becomes one message per registered tool; its
 * "expect" ("result" or "error") is what every tool result must carry.
 *
 * @param name the scenario's name or file
 * @param description what the call is
 * @param steps the messages, in order
 */
record Scenario(String name, String description, List<ObjectNode> steps) {

	/** The scenarios that ship in the jar. */
	static final List<String> BUILT_IN = List.of("inbound-call-with-tool", "transfer", "failed-tool");

	private static final String LOCATION = "/io/github/vapiwebhook/simulate/scenarios/";

	Scenario {
		steps = List.copyOf(steps);
		if (steps.isEmpty()) {
			throw new InvalidInputException("Scenario " + name + " has no steps");
		}
		for (ObjectNode step : steps) {
			if (!step.path("type").isString()) {
				throw new InvalidInputException("Scenario " + name + " has a step without a string 'type'");
			}
		}
	}

	/**
	 * A built-in scenario by name, or a scenario file.
	 * @param nameOrFile a name from {@link #BUILT_IN} or the path of a JSON file
	 * @param mapper the JSON mapper
	 * @return the scenario
	 */
	static Scenario load(String nameOrFile, JsonMapper mapper) {
		if (BUILT_IN.contains(nameOrFile)) {
			try (InputStream in = Scenario.class.getResourceAsStream(LOCATION + nameOrFile + ".json")) {
				if (in == null) {
					throw new IllegalStateException("Built-in scenario " + nameOrFile + " is missing from the jar");
				}
				return of(nameOrFile, mapper.readTree(in));
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		Path file = Path.of(nameOrFile);
		if (!Files.isRegularFile(file)) {
			throw new InvalidInputException("No built-in scenario and no file named " + nameOrFile
					+ "; the built-in scenarios are " + String.join(", ", BUILT_IN));
		}
		try {
			return of(nameOrFile, mapper.readTree(file.toFile()));
		}
		catch (JacksonException ex) {
			throw new InvalidInputException(
					"Scenario file " + nameOrFile + " is not valid JSON: " + ex.getOriginalMessage());
		}
	}

	private static Scenario of(String name, JsonNode json) {
		if (!json.path("steps").isArray()) {
			throw new InvalidInputException("Scenario " + name + " has no 'steps' array");
		}
		List<ObjectNode> steps = new ArrayList<>();
		for (JsonNode step : json.get("steps")) {
			if (!step.isObject()) {
				throw new InvalidInputException("Scenario " + name + " has a step that is not an object");
			}
			steps.add((ObjectNode) step);
		}
		return new Scenario(name, json.path("description").asString(""), steps);
	}

}

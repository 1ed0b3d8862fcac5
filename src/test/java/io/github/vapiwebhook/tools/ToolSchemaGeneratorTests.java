package io.github.vapiwebhook.tools;

import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class ToolSchemaGeneratorTests {

	private static final String ADDRESS = """
			{"type": "object",
			 "properties": {"street": {"type": "string", "description": "Street and number"}, "city": {"type": "string"}},
			 "required": ["street"]}
			""";

	private final JsonMapper mapper = JsonMapper.builder().build();

	private final Map<String, ToolDefinition> definitions = new ToolMethodFactory(new ToolSchemaGenerator(this.mapper),
			java.time.Duration.ofSeconds(18))
		.toolsOf("sampleTools", new SampleTypes.Tools(), SampleTypes.Tools.class)
		.stream()
		.collect(Collectors.toMap(ToolMethod::name, ToolMethod::definition, (a, b) -> a, java.util.TreeMap::new));

	@Test
	void definitionHasVapiFunctionToolShape() {
		JsonNode definition = json(this.definitions.get("no_arguments"));
		assertThat(definition).isEqualTo(this.mapper.readTree("""
				{"type": "function",
				 "function": {"name": "no_arguments", "parameters": {"type": "object", "properties": {}}}}
				"""));
	}

	@Test
	void stringsAreStringsWithDescription() {
		assertProperty("text", "{\"type\": \"string\", \"description\": \"A text\"}");
	}

	@Test
	void integralNumbersAreIntegers() {
		assertProperty("count", "{\"type\": \"integer\"}");
		assertProperty("boxed", "{\"type\": \"integer\"}");
		assertProperty("big", "{\"type\": \"integer\"}");
	}

	@Test
	void fractionalNumbersAreNumbers() {
		assertProperty("ratio", "{\"type\": \"number\"}");
		assertProperty("small", "{\"type\": \"number\"}");
		assertProperty("money", "{\"type\": \"number\"}");
	}

	@Test
	void booleansAreBooleans() {
		assertProperty("flag", "{\"type\": \"boolean\"}");
		assertProperty("boxedFlag", "{\"type\": \"boolean\"}");
	}

	@Test
	void enumsAreStringsWithTheirConstants() {
		assertProperty("size", "{\"type\": \"string\", \"enum\": [\"SMALL\", \"LARGE\"]}");
	}

	@Test
	void javaTimeTypesAreStringsWithStandardFormats() {
		assertProperty("day", "{\"type\": \"string\", \"format\": \"date\"}");
		assertProperty("at", "{\"type\": \"string\", \"format\": \"time\"}");
		assertProperty("when", "{\"type\": \"string\", \"format\": \"date-time\"}");
		assertProperty("created", "{\"type\": \"string\", \"format\": \"date-time\"}");
	}

	@Test
	void listsAndSetsAreArraysWithItems() {
		assertProperty("tags", "{\"type\": \"array\", \"items\": {\"type\": \"string\"}}");
		assertProperty("sizes",
				"{\"type\": \"array\", \"items\": {\"type\": \"string\", \"enum\": [\"SMALL\", \"LARGE\"]}}");
	}

	@Test
	void nestedRecordsAreInlinedObjects() {
		JsonNode expected = this.mapper.readTree(ADDRESS);
		((tools.jackson.databind.node.ObjectNode) expected).put("description", "Where");
		assertThat(parameters("everything").get("properties").get("address")).isEqualTo(expected);
	}

	@Test
	void optionalIsItsContentAndNotRequired() {
		assertProperty("maybe", "{\"type\": \"integer\"}");
		assertProperty("optionalText", "{\"type\": \"string\"}");
	}

	@Test
	void requiredListsMandatoryParametersInOrderAndLeavesOutTheContext() {
		JsonNode parameters = parameters("everything");
		assertThat(parameters.get("required")).isEqualTo(this.mapper.readTree("""
				["text", "count", "boxed", "big", "ratio", "small", "money", "flag", "boxedFlag", "size", "day", "at",
				 "when", "created", "tags", "sizes", "address"]
				"""));
		assertThat(parameters.get("properties").has("context")).isFalse();
		assertThat(parameters.get("properties")).hasSize(19);
	}

	@Test
	void singleRecordParameterDescribesTheWholeArgumentsObject() {
		assertThat(parameters("place_order")).isEqualTo(this.mapper.readTree("""
				{"type": "object",
				 "properties": {
				   "quantity": {"type": "integer", "description": "How many"},
				   "price": {"type": "number"},
				   "gift": {"type": "boolean"},
				   "size": {"type": "string", "enum": ["SMALL", "LARGE"]},
				   "day": {"type": "string", "format": "date"},
				   "at": {"type": "string", "format": "time"},
				   "when": {"type": "string", "format": "date-time"},
				   "created": {"type": "string", "format": "date-time"},
				   "tags": {"type": "array", "items": {"type": "string"}},
				   "codes": {"type": "array", "items": {"type": "integer"}},
				   "address": %s,
				   "note": {"type": "string"},
				   "more": {"type": "array", "items": %s}
				 },
				 "required": ["quantity", "price", "gift", "size", "day", "at", "when", "created", "tags", "codes",
				              "address", "more"]}
				""".formatted(ADDRESS, ADDRESS)));
	}

	@Test
	void everySchemaHasOneTypeNameOfVapisJsonSchema() {
		Set<String> vapiTypes = Set.of("string", "number", "integer", "boolean", "array", "object");
		for (ToolDefinition definition : this.definitions.values()) {
			assertEveryTypeIsOneOf(vapiTypes, json(definition).get("function").get("parameters"),
					definition.function().name());
		}
	}

	private static void assertEveryTypeIsOneOf(Set<String> types, JsonNode schema, String path) {
		assertThat(schema.get("type")).as(path).isNotNull();
		assertThat(schema.get("type").isString()).as(path + " type " + schema.get("type")).isTrue();
		assertThat(types).as(path).contains(schema.get("type").asString());
		if (schema.has("properties")) {
			for (Map.Entry<String, JsonNode> property : schema.get("properties").properties()) {
				assertEveryTypeIsOneOf(types, property.getValue(), path + "." + property.getKey());
			}
		}
		if (schema.has("items")) {
			assertEveryTypeIsOneOf(types, schema.get("items"), path + "[]");
		}
	}

	@Test
	void descriptionIsTheAnnotations() {
		assertThat(json(this.definitions.get("place_order")).get("function").get("description").asString())
			.isEqualTo("Places an order");
	}

	private void assertProperty(String name, String expected) {
		assertThat(parameters("everything").get("properties").get(name)).isEqualTo(this.mapper.readTree(expected));
	}

	private JsonNode parameters(String tool) {
		return json(this.definitions.get(tool)).get("function").get("parameters");
	}

	private JsonNode json(ToolDefinition definition) {
		return this.mapper.valueToTree(definition);
	}

}

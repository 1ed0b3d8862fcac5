package io.github.vapiwebhook.simulate;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class ArgumentGeneratorTests {

	private final JsonMapper mapper = JsonMapper.builder().build();

	private final ArgumentGenerator generator = new ArgumentGenerator(LocalDate.of(2026, 3, 2));

	@Test
	void givesEveryPropertyAValueOfItsType() {
		JsonNode arguments = arguments("""
				{"type":"object","properties":{
				  "name":{"type":"string"}, "count":{"type":"integer"}, "price":{"type":"number"},
				  "confirmed":{"type":"boolean"}, "tags":{"type":"array","items":{"type":"string"}},
				  "address":{"type":"object","properties":{"city":{"type":"string"}}}}}
				""");
		assertThat(arguments.get("name").asString()).isEqualTo("example");
		assertThat(arguments.get("count").isIntegralNumber()).isTrue();
		assertThat(arguments.get("price").isNumber()).isTrue();
		assertThat(arguments.get("confirmed").asBoolean()).isTrue();
		assertThat(arguments.get("tags")).hasSize(1);
		assertThat(arguments.get("address").get("city").asString()).isEqualTo("example");
	}

	@Test
	void prefersConstDefaultEnumAndExamplesOfTheSchema() {
		JsonNode arguments = arguments("""
				{"type":"object","properties":{
				  "fixed":{"const":"v1"}, "size":{"type":"string","default":"large"},
				  "slot":{"type":"string","enum":["morning","afternoon"]},
				  "zone":{"type":"string","examples":["Europe/Paris"]}}}
				""");
		assertThat(arguments.get("fixed").asString()).isEqualTo("v1");
		assertThat(arguments.get("size").asString()).isEqualTo("large");
		assertThat(arguments.get("slot").asString()).isEqualTo("morning");
		assertThat(arguments.get("zone").asString()).isEqualTo("Europe/Paris");
	}

	@Test
	void followsFormatsMinimumsNullableTypesAndAlternatives() {
		JsonNode arguments = arguments("""
				{"type":"object","properties":{
				  "day":{"type":"string","format":"date"}, "at":{"type":"string","format":"date-time"},
				  "email":{"type":"string","format":"email"}, "people":{"type":"integer","minimum":2},
				  "note":{"type":["null","string"]}, "either":{"anyOf":[{"type":"integer"},{"type":"string"}]},
				  "pair":{"type":"array","minItems":2,"items":{"type":"integer"}}}}
				""");
		assertThat(arguments.get("day").asString()).isEqualTo("2026-03-02");
		assertThat(arguments.get("at").asString()).isEqualTo("2026-03-02T10:00:00Z");
		assertThat(arguments.get("email").asString()).isEqualTo("caller@example.com");
		assertThat(arguments.get("people").asInt()).isEqualTo(2);
		assertThat(arguments.get("note").asString()).isEqualTo("example");
		assertThat(arguments.get("either").isIntegralNumber()).isTrue();
		assertThat(arguments.get("pair")).hasSize(2);
	}

	@Test
	void anythingButAnObjectSchemaGivesNoArguments() {
		assertThat(arguments("{\"type\":\"string\"}")).isEmpty();
		assertThat(arguments("{}")).isEmpty();
	}

	@Test
	void stopsAtARecursiveDepth() {
		String schema = "{\"type\":\"object\",\"properties\":{\"a\":".repeat(12) + "{\"type\":\"string\"}"
				+ "}}".repeat(12);
		assertThat(arguments(schema).toString()).contains("null");
	}

	private JsonNode arguments(String schema) {
		return this.generator.arguments(this.mapper.readTree(schema));
	}

}

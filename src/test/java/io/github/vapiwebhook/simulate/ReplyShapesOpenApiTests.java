package io.github.vapiwebhook.simulate;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * The reply shapes that ship in the jar agree with Vapi's OpenAPI document, when the
 * document is there (../shared/vapi/openapi.json, or the file named by the system
 * property vapi.openapi); skipped otherwise, as on CI.
 */
class ReplyShapesOpenApiTests {

	private final JsonMapper mapper = JsonMapper.builder().build();

	private final Map<String, ReplyShape> shapes = ReplyCheck.shapes(this.mapper);

	private JsonNode schemas;

	@BeforeEach
	void readDocument() {
		Path document = Path.of(System.getProperty("vapi.openapi", "../shared/vapi/openapi.json"));
		assumeThat(Files.isRegularFile(document)).as("Vapi's OpenAPI document at " + document).isTrue();
		this.schemas = this.mapper.readTree(document.toFile()).get("components").get("schemas");
	}

	@Test
	void everyShapeHasThePropertiesTypesAndRequiredPropertiesOfItsSchema() {
		for (ReplyShape shape : this.shapes.values()) {
			JsonNode schema = this.schemas.get(shape.schema());
			assertThat(schema).as(shape.schema()).isNotNull();
			Map<String, String> types = new TreeMap<>();
			schema.get("properties").properties().forEach((entry) -> types.put(entry.getKey(), type(entry.getValue())));
			assertThat(new TreeMap<>(shape.properties())).as(shape.schema()).isEqualTo(types);
			List<String> required = new ArrayList<>();
			schema.path("required").forEach((name) -> required.add(name.asString()));
			assertThat(shape.required()).as(shape.schema()).containsExactlyInAnyOrderElementsOf(required);
			assertThat(types.keySet()).as(shape.schema()).containsAll(shape.anyOf());
		}
	}

	@Test
	void everyJsonReplySchemaOfTheDocumentHasAShape() {
		List<String> replies = new ArrayList<>();
		this.schemas.propertyNames().forEach((name) -> {
			// the wrapper only documents the union; a voice-request is answered with raw
			// audio
			if (name.startsWith("ServerMessageResponse") && !name.equals("ServerMessageResponse")
					&& !name.equals("ServerMessageResponseVoiceRequest")) {
				replies.add(name);
			}
		});
		assertThat(this.shapes.values()).extracting(ReplyShape::schema).containsAll(replies);
		assertThat(this.shapes.get("tool-call-result").schema()).isEqualTo("ToolCallResult");
		assertThat(this.schemas.get("ServerMessageResponseToolCalls")
			.get("properties")
			.get("results")
			.get("items")
			.get("$ref")
			.asString()).isEqualTo("#/components/schemas/ToolCallResult");
	}

	private static String type(JsonNode property) {
		if (property.has("type")) {
			String type = property.get("type").asString();
			return "integer".equals(type) ? "number" : type;
		}
		// a $ref, oneOf or anyOf of component schemas, all objects in these replies
		return "object";
	}

}

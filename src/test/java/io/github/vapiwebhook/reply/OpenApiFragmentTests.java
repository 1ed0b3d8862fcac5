package io.github.vapiwebhook.reply;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The schema fragment the assistant tests validate against agrees with Vapi's OpenAPI
 * document. The document is not part of the project: the comparison runs where it lies
 * beside the checkout ({@code ../shared/vapi/openapi.json}, or the path in the system
 * property {@code vapi.openapi}) and is skipped elsewhere.
 */
class OpenApiFragmentTests {

	private static final Path DOCUMENT = Path.of(System.getProperty("vapi.openapi", "../shared/vapi/openapi.json"));

	private final JsonMapper mapper = JsonMapper.builder().build();

	private final JsonNode fragment = new AssistantRequestReplySchema().document();

	@Test
	void fragmentAgreesWithVapisOpenApiDocument() {
		assumeTrue(Files.isRegularFile(DOCUMENT), "Vapi's openapi.json is not at " + DOCUMENT.toAbsolutePath());
		JsonNode schemas = this.mapper.readTree(DOCUMENT.toFile()).get("components").get("schemas");
		assertThat(new OpenApiFragmentComparison().disagreements(this.fragment, schemas)).isEmpty();
		assertThat(schemas.get("ServerMessageResponseAssistantRequest").get("properties").get("assistant").toString())
			.contains("#/components/schemas/CreateAssistantDTO");
	}

	@Test
	void comparisonFindsWhatTheDocumentChanged() {
		ObjectNode schemas = this.mapper.createObjectNode();
		this.fragment.get("$defs").properties().forEach((def) -> schemas.set(def.getKey(), document(def.getValue())));
		assertThat(new OpenApiFragmentComparison().disagreements(this.fragment, schemas)).isEmpty();
		((ObjectNode) schemas.get("OpenAIVoice").get("properties").get("provider")).putArray("enum").add("open-ai");
		((ObjectNode) schemas.get("Server").get("properties")).remove("credentialId");
		schemas.get("AzureVoice").withArray("required").add("speed");
		assertThat(new OpenApiFragmentComparison().disagreements(this.fragment, schemas)).containsExactlyInAnyOrder(
				"OpenAIVoice.provider enum: [\"openai\"] but the document has [\"open-ai\"]",
				"Server.credentialId: no such property in the document",
				"AzureVoice: required [provider, voiceId] but the document has [provider, speed, voiceId]");
	}

	// The fragment's own definition, turned back into the document's dialect where the
	// comparison expects it (oneOf for anyOf), so that an unchanged document agrees.
	private JsonNode document(JsonNode definition) {
		String text = definition.toString()
			.replace("\"anyOf\"", "\"oneOf\"")
			.replace("#/$defs/", "#/components/schemas/");
		return this.mapper.readTree(text);
	}

}

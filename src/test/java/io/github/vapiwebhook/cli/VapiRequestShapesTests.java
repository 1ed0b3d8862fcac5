package io.github.vapiwebhook.cli;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import io.github.vapiwebhook.security.SecurityProperties;
import io.github.vapiwebhook.tools.ToolDefinition;
import io.github.vapiwebhook.vapiapi.CustomCredential;
import io.github.vapiwebhook.vapiapi.SchemaFragment;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bodies the commands send fit the request schemas of Vapi's openapi.json (the
 * committed fragment of it).
 */
class VapiRequestShapesTests {

	private final JsonMapper json = JsonMapper.builder().build();

	private final SchemaFragment schemas = SchemaFragment.load();

	@Test
	void credentialOfEveryKindFitsTheCustomCredentialSchemas() {
		for (Map<String, String> security : List.of(Map.of("vapi.security.shared-secret.secrets", "s"),
				Map.of("vapi.security.bearer.tokens", "t"), Map.of("vapi.security.hmac.secrets", "h"),
				Map.of("vapi.security.hmac.secrets", "aGVsbG8=", "vapi.security.hmac.secret-is-base64", "true",
						"vapi.security.hmac.algorithm", "sha1", "vapi.security.hmac.signature-encoding", "base64",
						"vapi.security.hmac.signature-prefix", "sha1=", "vapi.security.hmac.message-id-header",
						"svix-id", "vapi.security.hmac.payload-format", "{svix-id}.{method}.{url}.{body}",
						"vapi.security.hmac.include-timestamp", "false"),
				Map.of("vapi.security.oauth2.token-endpoint.client-id", "vapi",
						"vapi.security.oauth2.token-endpoint.client-secrets", "c",
						"vapi.security.oauth2.token-endpoint.signing-secret", "0123456789abcdef0123456789abcdef-s"))) {
			JsonNode body = this.json
				.valueToTree(CustomCredential.forServer("srv", bind(security), "https://srv.example").orElseThrow());

			assertThat(this.schemas.violations(body, "CreateCustomCredentialDTO")).as("%s", security).isEmpty();
			assertThat(this.schemas.violations(body, "UpdateCustomCredentialDTO")).as("%s", security).isEmpty();
		}
	}

	@Test
	void serverOfConnectFitsTheAssistantAndPhoneNumberUpdates() {
		ObjectNode current = (ObjectNode) this.json
			.readTree("{\"url\":\"https://old.example\",\"headers\":{\"a\":\"b\"}}");
		ObjectNode body = this.json.createObjectNode();
		body.set("server", ServerChange.of(current, "https://new.example/vapi/webhook", 25, "c1").after());

		assertThat(this.schemas.violations(body, "UpdateAssistantDTO")).isEmpty();
		assertThat(this.schemas.violations(body, "UpdateVapiPhoneNumberDTO")).isEmpty();
		assertThat(this.schemas.violations(body.path("server"), "Server")).isEmpty();
	}

	@Test
	void toolsOfToolsSyncFitTheFunctionToolSchemas() {
		ToolSyncPlanner planner = new ToolSyncPlanner(this.json);
		ObjectNode parameters = (ObjectNode) this.json
			.readTree("{\"type\":\"object\",\"properties\":{\"day\":{\"type\":\"string\"}},\"required\":[\"day\"]}");
		List<ToolDefinition> tools = List.of(ToolDefinition.function("find_slots", "Finds slots", parameters),
				ToolDefinition.function("book-it", "", parameters));
		ObjectNode existing = (ObjectNode) this.json.readTree("{\"id\":\"t1\",\"type\":\"function\",\"function\":{"
				+ "\"name\":\"book-it\",\"strict\":false},\"server\":{\"url\":\"https://old.example\",\"headers\":{\""
				+ ToolSyncPlanner.MARKER_HEADER + "\":\"" + ToolSyncPlanner.MARKER_VALUE + "\"}}}");
		List<ToolChange> changes = planner.plan(tools, List.of(existing), "https://new.example/vapi/webhook", "c1");
		Pattern name = Pattern.compile(this.schemas.schemas()
			.path("OpenAIFunction")
			.path("properties")
			.path("name")
			.path("pattern")
			.asString()
			.replaceAll("^/|/$", ""));

		assertThat(changes).extracting(ToolChange::action)
			.containsExactly(ToolChange.Action.CREATE, ToolChange.Action.UPDATE);
		assertThat(this.schemas.violations(changes.get(0).body(), "CreateFunctionToolDTO")).isEmpty();
		assertThat(this.schemas.violations(changes.get(1).body(), "UpdateFunctionToolDTO")).isEmpty();
		assertThat(changes).allSatisfy((change) -> assertThat(name.matcher(change.name()).matches()).isTrue());
	}

	@Test
	void checkFindsABodyThatDoesNotFit() {
		JsonNode wrong = this.json.readTree("{\"provider\":\"custom-credential\",\"authenticationPlan\":"
				+ "{\"type\":\"hmac\",\"secretKey\":\"k\",\"algorithm\":\"md5\",\"headerName\":\"x\"},\"colour\":1}");

		assertThat(this.schemas.violations(wrong, "CreateCustomCredentialDTO")).containsExactlyInAnyOrder(
				"CreateCustomCredentialDTO.authenticationPlan.algorithm: \"md5\" is not one of [\"sha256\",\"sha512\",\"sha1\"]",
				"CreateCustomCredentialDTO.authenticationPlan: property 'headerName' is not in the schema");
		assertThat(this.schemas.violations(this.json.readTree("{\"server\":{\"timeoutSeconds\":\"20\"}}"),
				"UpdateAssistantDTO"))
			.containsExactly("UpdateAssistantDTO.server.timeoutSeconds: \"20\" is not of type number");
	}

	private static SecurityProperties bind(Map<String, String> properties) {
		return new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate("vapi.security",
				SecurityProperties.class);
	}

}

package io.github.vapiwebhook.cli;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;

import io.github.vapiwebhook.tools.ToolDefinition;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

class ToolsCommandTests {

	private static final String SECRET = "bearer-token-value";

	private static final String MARKER = "\"headers\":{\"X-Vapi-Webhook-Managed-By\":\"vapi-webhook-server tools sync\"}";

	private final JsonMapper json = JsonMapper.builder().build();

	private MockWebServer vapi;

	private FixedServerFacts facts;

	@BeforeEach
	void start() throws IOException {
		this.vapi = new MockWebServer();
		this.vapi.start();
		this.facts = FixedServerFacts.of(Map.of("vapi.security.bearer.tokens", SECRET),
				URI.create(this.vapi.url("/").toString()), List.of(tool("current_time", "The current time"),
						tool("book", "Books a slot"), tool("lookup", "Looks up"), tool("cancel", null)));
	}

	@AfterEach
	void stop() {
		this.vapi.close();
	}

	@Test
	void exportPrintsTheDefinitionsAsJson() {
		CommandRun run = CommandRun.run(this.facts, Map.of(), "tools", "export");

		assertThat(run.exitCode()).isZero();
		JsonNode printed = this.json.readTree(run.out());
		assertThat(printed).isEqualTo(this.json.valueToTree(this.facts.tools()));
		assertThat(printed.get(0).path("function").path("name").asString()).isEqualTo("current_time");
		assertThat(this.vapi.getRequestCount()).isZero();
	}

	@Test
	void exportWithoutToolsPrintsAnEmptyArrayAndSaysWhyOnStandardError() {
		FixedServerFacts none = FixedServerFacts.of(Map.of(), URI.create(this.vapi.url("/").toString()), List.of());

		CommandRun run = CommandRun.run(none, Map.of(), "tools", "export");

		assertThat(run.exitCode()).isZero();
		assertThat(this.json.readTree(run.out()).isEmpty()).isTrue();
		assertThat(run.err()).contains("No tools").contains("@VapiTool");
	}

	@Test
	void syncDryRunShowsTheDifferenceAndChangesNothing() throws Exception {
		enqueueCredentialsAndTools();

		CommandRun run = CommandRun.run(this.facts, "tools", "sync", "--url", "https://abc.ngrok.app", "--dry-run");

		assertThat(run.exitCode()).isZero();
		assertThat(run.out()).contains("4 tools in the application, webhook https://abc.ngrok.app/vapi/webhook:")
			.contains("  + current_time: create")
			.contains("      function.name: (none) -> \"current_time\"")
			.contains("      server.url: (none) -> \"https://abc.ngrok.app/vapi/webhook\"")
			.contains("  ~ book (t-book): update")
			.contains("      function.description: \"Old text\" -> \"Books a slot\"")
			.contains(
					"      server.url: \"https://old.example/vapi/webhook\" -> \"https://abc.ngrok.app/vapi/webhook\"")
			.contains("  ! lookup (t-lookup): a tool of this name exists that tools sync did not create; left alone")
			.contains("  = cancel (t-cancel): unchanged")
			.contains("  - retired (t-retired): created by tools sync but no longer in the application; left alone")
			.contains("Dry run: nothing was changed (2 tools would be created or updated).")
			.doesNotContain(SECRET);
		String bookDiff = run.out().substring(run.out().indexOf("~ book"), run.out().indexOf("! lookup"));
		assertThat(bookDiff).as("unchanged fields are not shown").doesNotContain("parameters").doesNotContain("strict");
		assertThat(this.vapi.takeRequest().getRequestLine()).isEqualTo("GET /credential HTTP/1.1");
		assertThat(this.vapi.takeRequest().getRequestLine()).isEqualTo("GET /tool?limit=1000 HTTP/1.1");
		assertThat(this.vapi.getRequestCount()).isEqualTo(2);
	}

	@Test
	void syncCreatesNewToolsAndUpdatesOnlyItsOwn() throws Exception {
		enqueueCredentialsAndTools();
		this.vapi.enqueue(json("{\"id\":\"c1\"}"));
		this.vapi.enqueue(json("{\"id\":\"t-new\"}"));
		this.vapi.enqueue(json("{\"id\":\"t-book\"}"));

		CommandRun run = CommandRun.run(this.facts, "tools", "sync", "--url", "https://abc.ngrok.app");

		assertThat(run.exitCode()).isZero();
		assertThat(run.out()).contains("Done: 2 tools created or updated.");
		assertThat(run.err()).contains("[1/2] Creating tool 'current_time'...")
			.contains("[2/2] Updating tool 'book'...");
		this.vapi.takeRequest();
		this.vapi.takeRequest();
		RecordedRequest credential = this.vapi.takeRequest();
		assertThat(credential.getRequestLine()).isEqualTo("PATCH /credential/c1 HTTP/1.1");
		assertThat(body(credential).path("authenticationPlan"))
			.isEqualTo(this.json.readTree("{\"type\":\"bearer\",\"token\":\"" + SECRET
					+ "\",\"headerName\":\"Authorization\",\"bearerPrefixEnabled\":true}"));
		RecordedRequest create = this.vapi.takeRequest();
		assertThat(create.getRequestLine()).isEqualTo("POST /tool HTTP/1.1");
		assertThat(body(create))
			.isEqualTo(this.json.readTree("{\"type\":\"function\",\"function\":{\"name\":\"current_time\","
					+ "\"description\":\"The current time\",\"parameters\":{\"type\":\"object\",\"properties\":{}}},"
					+ "\"server\":{\"url\":\"https://abc.ngrok.app/vapi/webhook\",\"credentialId\":\"c1\"," + MARKER
					+ "}}"));
		RecordedRequest update = this.vapi.takeRequest();
		assertThat(update.getRequestLine()).isEqualTo("PATCH /tool/t-book HTTP/1.1");
		assertThat(body(update)).isEqualTo(this.json.readTree("{\"type\":\"function\",\"function\":{\"name\":\"book\","
				+ "\"description\":\"Books a slot\",\"strict\":false,\"parameters\":{\"type\":\"object\",\"properties\":{}}},"
				+ "\"server\":{\"url\":\"https://abc.ngrok.app/vapi/webhook\",\"credentialId\":\"c1\","
				+ "\"timeoutSeconds\":20," + MARKER + "}}"));
		assertThat(this.vapi.getRequestCount()).isEqualTo(5);
	}

	@Test
	void syncWithoutApiKeyIsAUsageError() {
		CommandRun run = CommandRun.run(this.facts, Map.of(), "tools", "sync", "--url", "https://x.example");

		assertThat(run.exitCode()).isEqualTo(2);
		assertThat(run.err()).contains("VAPI_API_KEY is not set");
		assertThat(this.vapi.getRequestCount()).isZero();
	}

	@Test
	void syncFailingAtVapiIsAnApiFailure() {
		this.vapi.enqueue(json("[]"));
		this.vapi.enqueue(new MockResponse.Builder().code(403).body("{\"message\":\"Forbidden resource\"}").build());

		CommandRun run = CommandRun.run(this.facts, "tools", "sync", "--url", "https://x.example");

		assertThat(run.exitCode()).isEqualTo(1);
		assertThat(run.err()).contains("Error: Vapi refused access to the tool list (403 Forbidden)");
	}

	private void enqueueCredentialsAndTools() {
		this.vapi
			.enqueue(json("[{\"id\":\"c1\",\"provider\":\"custom-credential\",\"name\":\"vapi-webhook-server\"}]"));
		String params = "\"parameters\":{\"type\":\"object\",\"properties\":{}}";
		this.vapi.enqueue(json("[" //
				+ "{\"id\":\"t-book\",\"type\":\"function\",\"function\":{\"name\":\"book\",\"description\":\"Old text\","
				+ "\"strict\":false," + params + "},\"server\":{\"url\":\"https://old.example/vapi/webhook\","
				+ "\"credentialId\":\"c1\",\"timeoutSeconds\":20," + MARKER + "}},"
				+ "{\"id\":\"t-lookup\",\"type\":\"function\",\"function\":{\"name\":\"lookup\"},"
				+ "\"server\":{\"url\":\"https://someone.example\"}},"
				+ "{\"id\":\"t-cancel\",\"type\":\"function\",\"function\":{\"name\":\"cancel\"," + params + "},"
				+ "\"server\":{\"url\":\"https://abc.ngrok.app/vapi/webhook\",\"credentialId\":\"c1\"," + MARKER + "}},"
				+ "{\"id\":\"t-retired\",\"type\":\"function\",\"function\":{\"name\":\"retired\"},"
				+ "\"server\":{\"url\":\"https://old.example\"," + MARKER + "}},"
				+ "{\"id\":\"t-end\",\"type\":\"endCall\"}]"));
	}

	private ToolDefinition tool(String name, String description) {
		ObjectNode parameters = this.json.createObjectNode().put("type", "object");
		parameters.putObject("properties");
		return ToolDefinition.function(name, (description != null) ? description : "", parameters);
	}

	private JsonNode body(RecordedRequest request) {
		return this.json.readTree(request.getBody().utf8());
	}

	private static MockResponse json(String body) {
		return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json").body(body).build();
	}

}

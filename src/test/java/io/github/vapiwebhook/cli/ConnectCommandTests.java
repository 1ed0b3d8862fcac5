package io.github.vapiwebhook.cli;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;

import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class ConnectCommandTests {

	private static final String HMAC = "hmac-secret-value";

	private final JsonMapper json = JsonMapper.builder().build();

	private MockWebServer vapi;

	private FixedServerFacts facts;

	@BeforeEach
	void start() throws IOException {
		this.vapi = new MockWebServer();
		this.vapi.start();
		this.facts = facts(Map.of("vapi.security.hmac.secrets", HMAC));
	}

	@AfterEach
	void stop() {
		this.vapi.close();
	}

	@Test
	void dryRunShowsTheCredentialAndTheServerBeforeAndAfterAndChangesNothing() throws Exception {
		this.vapi.enqueue(json("{\"id\":\"a1\",\"server\":{\"url\":\"https://old.example/hook\",\"timeoutSeconds\":15,"
				+ "\"headers\":{\"X-Api\":\"header-secret\"}}}"));
		this.vapi.enqueue(json("[]"));

		CommandRun run = CommandRun.run(this.facts, "connect", "--assistant", "a1", "--url", "https://abc.ngrok.app",
				"--dry-run");

		assertThat(run.exitCode()).isZero();
		assertThat(run.out()).contains("Credential 'vapi-webhook-server' will be created:")
			.contains("\"secretKey\" : \"********\"")
			.contains("Server of assistant a1, before:")
			.contains("\"url\" : \"https://old.example/hook\"")
			.contains("after:")
			.contains("\"url\" : \"https://abc.ngrok.app/vapi/webhook\"")
			.contains("\"credentialId\" : \"<id of the new credential>\"")
			.contains("\"timeoutSeconds\" : 15")
			.contains("Dry run: nothing was changed.")
			.doesNotContain(HMAC)
			.doesNotContain("header-secret");
		assertThat(run.err()).contains("Reading assistant a1 from Vapi...");
		assertThat(this.vapi.takeRequest().getRequestLine()).isEqualTo("GET /assistant/a1 HTTP/1.1");
		assertThat(this.vapi.takeRequest().getRequestLine()).isEqualTo("GET /credential HTTP/1.1");
		assertThat(this.vapi.getRequestCount()).isEqualTo(2);
	}

	@Test
	void createsTheCredentialAndPointsTheAssistantAtTheWebhook() throws Exception {
		this.vapi.enqueue(json("{\"id\":\"a1\",\"server\":{\"url\":\"https://old.example/hook\","
				+ "\"backoffPlan\":{\"type\":\"fixed\",\"maxRetries\":2,\"baseDelaySeconds\":1}}}"));
		this.vapi.enqueue(json("[{\"id\":\"other\",\"provider\":\"custom-credential\",\"name\":\"someone-else\"}]"));
		this.vapi
			.enqueue(json("{\"id\":\"c-new\",\"provider\":\"custom-credential\",\"name\":\"vapi-webhook-server\"}"));
		this.vapi.enqueue(json("{\"id\":\"a1\",\"server\":{\"url\":\"https://abc.ngrok.app/vapi/webhook\"}}"));

		CommandRun run = CommandRun.run(this.facts, "connect", "--assistant", "a1", "--url", "https://abc.ngrok.app/");

		assertThat(run.exitCode()).isZero();
		assertThat(run.out()).contains("Created the credential 'vapi-webhook-server': c-new")
			.contains("Done: assistant a1 now sends its server messages to https://abc.ngrok.app/vapi/webhook.")
			.doesNotContain(HMAC);
		this.vapi.takeRequest();
		this.vapi.takeRequest();
		RecordedRequest create = this.vapi.takeRequest();
		assertThat(create.getRequestLine()).isEqualTo("POST /credential HTTP/1.1");
		assertThat(body(create).path("name").asString()).isEqualTo("vapi-webhook-server");
		assertThat(body(create).path("authenticationPlan").path("secretKey").asString()).isEqualTo(HMAC);
		RecordedRequest patch = this.vapi.takeRequest();
		assertThat(patch.getRequestLine()).isEqualTo("PATCH /assistant/a1 HTTP/1.1");
		assertThat(patch.getHeaders().get("Authorization")).isEqualTo("Bearer " + CommandRun.KEY);
		assertThat(body(patch))
			.isEqualTo(this.json.readTree("{\"server\":{\"url\":\"https://abc.ngrok.app/vapi/webhook\","
					+ "\"backoffPlan\":{\"type\":\"fixed\",\"maxRetries\":2,\"baseDelaySeconds\":1},"
					+ "\"timeoutSeconds\":20,\"credentialId\":\"c-new\"}}"));
	}

	@Test
	void updatesTheCredentialOfTheSameNameInsteadOfMakingAnother() throws Exception {
		this.vapi.enqueue(json("{\"id\":\"p1\",\"provider\":\"vapi\"}"));
		this.vapi
			.enqueue(json("[{\"id\":\"c1\",\"provider\":\"custom-credential\",\"name\":\"vapi-webhook-server\"}]"));
		this.vapi.enqueue(json("{\"id\":\"c1\"}"));
		this.vapi.enqueue(json("{\"id\":\"p1\",\"server\":{\"url\":\"https://srv.example/custom/path\"}}"));

		CommandRun run = CommandRun.run(this.facts, "connect", "--phone-number", "p1", "--url",
				"https://srv.example/custom/path", "--timeout-seconds", "30");

		assertThat(run.exitCode()).isZero();
		assertThat(run.out()).contains("Credential 'vapi-webhook-server' (c1) will be updated to:");
		assertThat(this.vapi.takeRequest().getRequestLine()).isEqualTo("GET /phone-number/p1 HTTP/1.1");
		this.vapi.takeRequest();
		RecordedRequest update = this.vapi.takeRequest();
		assertThat(update.getRequestLine()).isEqualTo("PATCH /credential/c1 HTTP/1.1");
		assertThat(body(update).path("authenticationPlan").path("type").asString()).isEqualTo("hmac");
		RecordedRequest patch = this.vapi.takeRequest();
		assertThat(patch.getRequestLine()).isEqualTo("PATCH /phone-number/p1 HTTP/1.1");
		assertThat(body(patch)).isEqualTo(this.json.readTree(
				"{\"server\":{\"url\":\"https://srv.example/custom/path\",\"timeoutSeconds\":30,\"credentialId\":\"c1\"}}"));
	}

	@Test
	void withAuthenticationOffOnlyTheUrlIsSet() throws Exception {
		FixedServerFacts open = facts(Map.of("vapi.security.mode", "none"));
		this.vapi.enqueue(json("{\"id\":\"a1\"}"));
		this.vapi.enqueue(json("{\"id\":\"a1\"}"));

		CommandRun run = CommandRun.run(open, "connect", "--assistant", "a1", "--url", "http://localhost:9000");

		assertThat(run.exitCode()).isZero();
		assertThat(run.out()).contains("vapi.security.mode is none: no credential");
		this.vapi.takeRequest();
		RecordedRequest patch = this.vapi.takeRequest();
		assertThat(patch.getRequestLine()).isEqualTo("PATCH /assistant/a1 HTTP/1.1");
		assertThat(body(patch)).isEqualTo(this.json
			.readTree("{\"server\":{\"url\":\"http://localhost:9000/vapi/webhook\",\"timeoutSeconds\":20}}"));
	}

	@Test
	void urlDefaultsToThePublicBaseUrl() throws Exception {
		FixedServerFacts configured = facts(
				Map.of("vapi.security.hmac.secrets", HMAC, "vapi.security.public-base-url", "https://calls.example"));
		this.vapi.enqueue(json("{\"id\":\"a1\"}"));
		this.vapi.enqueue(json("[]"));

		CommandRun run = CommandRun.run(configured, "connect", "--assistant", "a1", "--dry-run");

		assertThat(run.exitCode()).isZero();
		assertThat(run.out()).contains("\"url\" : \"https://calls.example/vapi/webhook\"");
	}

	@Test
	void missingUrlIsAUsageError() {
		CommandRun run = CommandRun.run(this.facts, "connect", "--assistant", "a1");

		assertThat(run.exitCode()).isEqualTo(2);
		assertThat(run.err()).contains("Missing --url");
		assertThat(this.vapi.getRequestCount()).isZero();
	}

	@Test
	void relativeUrlIsAUsageError() {
		CommandRun run = CommandRun.run(this.facts, "connect", "--assistant", "a1", "--url", "abc.ngrok.app");

		assertThat(run.exitCode()).isEqualTo(2);
		assertThat(run.err()).contains("--url must be an absolute http(s) URL");
	}

	@Test
	void assistantAndPhoneNumberTogetherAreAUsageError() {
		CommandRun run = CommandRun.run(this.facts, "connect", "--assistant", "a1", "--phone-number", "p1", "--url",
				"https://x.example");

		assertThat(run.exitCode()).isEqualTo(2);
		assertThat(run.err()).contains("mutually exclusive");
		assertThat(this.vapi.getRequestCount()).isZero();
	}

	@Test
	void neitherAssistantNorPhoneNumberIsAUsageError() {
		CommandRun run = CommandRun.run(this.facts, "connect", "--url", "https://x.example");

		assertThat(run.exitCode()).isEqualTo(2);
		assertThat(run.err()).contains("Missing required argument").contains("--assistant=ID | --phone-number=ID");
	}

	@Test
	void timeoutOutOfVapisRangeIsAUsageError() {
		CommandRun run = CommandRun.run(this.facts, "connect", "--assistant", "a1", "--url", "https://x.example",
				"--timeout-seconds", "301");

		assertThat(run.exitCode()).isEqualTo(2);
		assertThat(run.err()).contains("--timeout-seconds must be between 1 and 300");
	}

	@Test
	void missingApiKeyIsAUsageError() {
		CommandRun run = CommandRun.run(this.facts, Map.of(), "connect", "--assistant", "a1", "--url",
				"https://x.example");

		assertThat(run.exitCode()).isEqualTo(2);
		assertThat(run.err()).contains("Error: VAPI_API_KEY is not set").doesNotContain("\tat ");
		assertThat(this.vapi.getRequestCount()).isZero();
	}

	@Test
	void configurationWithoutASecretIsRefusedBeforeAnyCall() {
		FixedServerFacts allowlistOnly = facts(Map.of("vapi.security.ip-allowlist.cidrs", "167.150.224.0/23"));

		CommandRun run = CommandRun.run(allowlistOnly, "connect", "--assistant", "a1", "--url", "https://x.example");

		assertThat(run.exitCode()).isEqualTo(2);
		assertThat(run.err()).contains("No secret is configured under vapi.security")
			.contains("IP allowlist alone")
			.doesNotContain("\tat ");
		assertThat(this.vapi.getRequestCount()).isZero();
	}

	@Test
	void rejectedApiKeyIsAnApiFailureWithoutTheKey() {
		this.vapi.enqueue(
				new MockResponse.Builder().code(401).body("{\"message\":\"Invalid Key.\",\"statusCode\":401}").build());

		CommandRun run = CommandRun.run(this.facts, "connect", "--assistant", "a1", "--url", "https://x.example");

		assertThat(run.exitCode()).isEqualTo(1);
		assertThat(run.err()).contains("Error: Vapi rejected the API key (401 Unauthorized)")
			.doesNotContain(CommandRun.KEY)
			.doesNotContain("\tat ");
	}

	@Test
	void unknownAssistantIsAnApiFailureThatNamesIt() {
		this.vapi.enqueue(new MockResponse.Builder().code(404).body("{\"message\":\"Not Found\"}").build());

		CommandRun run = CommandRun.run(this.facts, "connect", "--assistant", "nope", "--url", "https://x.example");

		assertThat(run.exitCode()).isEqualTo(1);
		assertThat(run.err()).contains("Error: Vapi has no assistant 'nope' (404 Not Found)");
	}

	private FixedServerFacts facts(Map<String, String> security) {
		return FixedServerFacts.of(security, URI.create(this.vapi.url("/").toString()), List.of());
	}

	private JsonNode body(RecordedRequest request) {
		return this.json.readTree(request.getBody().utf8());
	}

	private static MockResponse json(String body) {
		return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json").body(body).build();
	}

}

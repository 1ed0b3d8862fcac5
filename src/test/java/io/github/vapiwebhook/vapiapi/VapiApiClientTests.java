package io.github.vapiwebhook.vapiapi;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

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
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class VapiApiClientTests {

	private static final String KEY = "sk-private-test-key";

	private final JsonMapper json = JsonMapper.builder().build();

	private final List<Duration> waits = new ArrayList<>();

	private final Clock clock = Clock.fixed(Instant.parse("2026-11-29T01:00:00Z"), ZoneOffset.UTC);

	private MockWebServer vapi;

	private VapiApiClient client;

	@BeforeEach
	void start() throws IOException {
		this.vapi = new MockWebServer();
		this.vapi.start();
		this.client = client(Duration.ofSeconds(5));
	}

	@AfterEach
	void stop() {
		this.vapi.close();
	}

	private VapiApiClient client(Duration readTimeout) {
		VapiApiProperties properties = new VapiApiProperties(URI.create(this.vapi.url("/").toString()),
				Duration.ofSeconds(2), readTimeout, 2, Duration.ofMillis(100), Duration.ofSeconds(30),
				"vapi-webhook-server");
		return new VapiApiClient(properties, KEY, this.waits::add, this.clock);
	}

	@Test
	void updatesTheServerOfAnAssistant() throws Exception {
		this.vapi.enqueue(json(200, "{\"id\":\"a1\",\"server\":{\"url\":\"https://new.example/vapi/webhook\"}}"));
		ObjectNode server = this.json.createObjectNode()
			.put("url", "https://new.example/vapi/webhook")
			.put("timeoutSeconds", 20)
			.put("credentialId", "c1");

		ObjectNode assistant = this.client.updateAssistantServer("a1", server);

		RecordedRequest request = this.vapi.takeRequest();
		assertThat(request.getMethod()).isEqualTo("PATCH");
		assertThat(request.getTarget()).isEqualTo("/assistant/a1");
		assertAuthenticatedJson(request);
		assertThat(body(request)).isEqualTo(this.json.readTree(
				"{\"server\":{\"url\":\"https://new.example/vapi/webhook\",\"timeoutSeconds\":20,\"credentialId\":\"c1\"}}"));
		assertThat(assistant.path("server").path("url").asString()).isEqualTo("https://new.example/vapi/webhook");
	}

	@Test
	void readsAnAssistant() throws Exception {
		this.vapi.enqueue(json(200, "{\"id\":\"a1\",\"server\":{\"url\":\"https://old.example\"}}"));

		ObjectNode assistant = this.client.assistant("a1");

		RecordedRequest request = this.vapi.takeRequest();
		assertThat(request.getRequestLine()).isEqualTo("GET /assistant/a1 HTTP/1.1");
		assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer " + KEY);
		assertThat(request.getBodySize()).isZero();
		assertThat(assistant.path("server").path("url").asString()).isEqualTo("https://old.example");
	}

	@Test
	void readsAndUpdatesTheServerOfAPhoneNumber() throws Exception {
		this.vapi.enqueue(json(200, "{\"id\":\"p1\",\"provider\":\"vapi\"}"));
		this.vapi
			.enqueue(json(200, "{\"id\":\"p1\",\"provider\":\"vapi\",\"server\":{\"url\":\"https://x.example\"}}"));

		this.client.phoneNumber("p1");
		this.client.updatePhoneNumberServer("p1", this.json.createObjectNode().put("url", "https://x.example"));

		assertThat(this.vapi.takeRequest().getRequestLine()).isEqualTo("GET /phone-number/p1 HTTP/1.1");
		RecordedRequest patch = this.vapi.takeRequest();
		assertThat(patch.getRequestLine()).isEqualTo("PATCH /phone-number/p1 HTTP/1.1");
		assertAuthenticatedJson(patch);
		assertThat(body(patch)).isEqualTo(this.json.readTree("{\"server\":{\"url\":\"https://x.example\"}}"));
	}

	@Test
	void createsACustomCredentialWithABearerPlan() throws Exception {
		this.vapi.enqueue(json(201, "{\"id\":\"c1\",\"provider\":\"custom-credential\",\"name\":\"srv\"}"));
		CustomCredential credential = new CustomCredential(CustomCredential.PROVIDER, "srv",
				new BearerPlan("tok", "X-Vapi-Secret", false));

		ObjectNode created = this.client.createCredential(credential);

		RecordedRequest request = this.vapi.takeRequest();
		assertThat(request.getRequestLine()).isEqualTo("POST /credential HTTP/1.1");
		assertAuthenticatedJson(request);
		assertThat(body(request)).isEqualTo(this.json.readTree("{\"provider\":\"custom-credential\",\"name\":\"srv\","
				+ "\"authenticationPlan\":{\"type\":\"bearer\",\"token\":\"tok\",\"headerName\":\"X-Vapi-Secret\","
				+ "\"bearerPrefixEnabled\":false}}"));
		assertThat(created.path("id").asString()).isEqualTo("c1");
	}

	@Test
	void updatesACustomCredentialWithAnHmacPlan() throws Exception {
		this.vapi.enqueue(json(200, "{\"id\":\"c1\"}"));
		CustomCredential credential = new CustomCredential(CustomCredential.PROVIDER, "srv",
				new HmacPlan("hmac", "s3cret", "sha256", "x-signature", "x-timestamp", null, true, "{timestamp}.{body}",
						null, "hex", false));

		this.client.updateCredential("c1", credential);

		RecordedRequest request = this.vapi.takeRequest();
		assertThat(request.getRequestLine()).isEqualTo("PATCH /credential/c1 HTTP/1.1");
		assertAuthenticatedJson(request);
		assertThat(body(request)).isEqualTo(this.json.readTree("{\"provider\":\"custom-credential\",\"name\":\"srv\","
				+ "\"authenticationPlan\":{\"type\":\"hmac\",\"secretKey\":\"s3cret\",\"algorithm\":\"sha256\","
				+ "\"signatureHeader\":\"x-signature\",\"timestampHeader\":\"x-timestamp\",\"includeTimestamp\":true,"
				+ "\"payloadFormat\":\"{timestamp}.{body}\",\"signatureEncoding\":\"hex\",\"secretIsBase64\":false}}"));
	}

	@Test
	void listsCredentials() throws Exception {
		this.vapi.enqueue(json(200, "[{\"id\":\"c1\",\"name\":\"a\"},{\"id\":\"c2\",\"name\":\"b\"}]"));

		List<ObjectNode> credentials = this.client.credentials();

		assertThat(this.vapi.takeRequest().getRequestLine()).isEqualTo("GET /credential HTTP/1.1");
		assertThat(credentials).extracting((node) -> node.path("id").asString()).containsExactly("c1", "c2");
	}

	@Test
	void listsCreatesAndUpdatesTools() throws Exception {
		this.vapi.enqueue(json(200, "[{\"id\":\"t1\",\"type\":\"function\",\"function\":{\"name\":\"getTime\"}}]"));
		this.vapi.enqueue(json(201, "{\"id\":\"t2\",\"type\":\"function\"}"));
		this.vapi.enqueue(json(200, "{\"id\":\"t1\",\"type\":\"function\"}"));
		ObjectNode tool = (ObjectNode) this.json
			.readTree("{\"type\":\"function\",\"function\":{\"name\":\"book\",\"parameters\":{\"type\":\"object\"}}}");
		ObjectNode change = (ObjectNode) this.json
			.readTree("{\"type\":\"function\",\"function\":{\"name\":\"getTime\"}}");

		List<ObjectNode> tools = this.client.tools();
		ObjectNode created = this.client.createTool(tool);
		this.client.updateTool("t1", change);

		assertThat(tools).extracting((node) -> node.path("id").asString()).containsExactly("t1");
		assertThat(this.vapi.takeRequest().getRequestLine()).isEqualTo("GET /tool?limit=1000 HTTP/1.1");
		RecordedRequest post = this.vapi.takeRequest();
		assertThat(post.getRequestLine()).isEqualTo("POST /tool HTTP/1.1");
		assertAuthenticatedJson(post);
		assertThat(body(post)).isEqualTo(tool);
		assertThat(created.path("id").asString()).isEqualTo("t2");
		RecordedRequest patch = this.vapi.takeRequest();
		assertThat(patch.getRequestLine()).isEqualTo("PATCH /tool/t1 HTTP/1.1");
		assertAuthenticatedJson(patch);
		assertThat(body(patch)).isEqualTo(change);
	}

	@Test
	void rejectedKeySaysSoWithoutTheKey() {
		this.vapi.enqueue(json(401, "{\"message\":\"Invalid Key. Hot tip, you may be using the private key"
				+ " instead of the public key, or vice versa.\",\"error\":\"Unauthorized\",\"statusCode\":401}"));

		assertThatExceptionOfType(VapiApiException.class).isThrownBy(() -> this.client.assistant("a1"))
			.satisfies((ex) -> assertThat(ex.status()).isEqualTo(401))
			.withMessageContaining("rejected the API key")
			.withMessageContaining("VAPI_API_KEY")
			.withMessageNotContaining(KEY);
		assertThat(this.vapi.getRequestCount()).isEqualTo(1);
	}

	@Test
	void forbiddenSaysWhatWasRefused() {
		this.vapi.enqueue(json(403, "{\"message\":\"Forbidden resource\",\"statusCode\":403}"));

		assertThatExceptionOfType(VapiApiException.class).isThrownBy(() -> this.client.phoneNumber("p1"))
			.withMessageContaining("phone number 'p1'")
			.withMessageContaining("403")
			.withMessageContaining("Forbidden resource");
	}

	@Test
	void unknownAssistantIdIsNamed() {
		this.vapi.enqueue(json(404, "{\"message\":\"Not Found\",\"statusCode\":404}"));

		assertThatExceptionOfType(VapiApiException.class).isThrownBy(() -> this.client.assistant("nope"))
			.satisfies((ex) -> assertThat(ex.status()).isEqualTo(404))
			.withMessageContaining("no assistant 'nope'");
	}

	@Test
	void validationFailureCarriesVapisOwnMessages() {
		this.vapi.enqueue(json(400, "{\"message\":[\"server.url must be a URL address\","
				+ "\"server.timeoutSeconds must not be greater than 300\"],\"error\":\"Bad Request\",\"statusCode\":400}"));

		assertThatExceptionOfType(VapiApiException.class)
			.isThrownBy(() -> this.client.updateAssistantServer("a1", this.json.createObjectNode().put("url", "x")))
			.withMessageContaining("Vapi refused assistant 'a1' (400)")
			.withMessageContaining("server.url must be a URL address; server.timeoutSeconds must not be greater");
	}

	@Test
	void unprocessableEntityCarriesVapisMessage() {
		this.vapi.enqueue(json(422, "{\"message\":\"Credential name already exists\",\"statusCode\":422}"));
		CustomCredential credential = new CustomCredential(CustomCredential.PROVIDER, "srv",
				new BearerPlan("tok", "Authorization", true));

		assertThatExceptionOfType(VapiApiException.class).isThrownBy(() -> this.client.createCredential(credential))
			.satisfies((ex) -> assertThat(ex.status()).isEqualTo(422))
			.withMessageContaining("Credential name already exists")
			.withMessageNotContaining("tok");
	}

	@Test
	void rateLimitWaitsAsRetryAfterSaysThenSucceeds() throws Exception {
		this.vapi.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "7").build());
		this.vapi.enqueue(json(200, "{\"id\":\"a1\"}"));

		assertThat(this.client.assistant("a1").path("id").asString()).isEqualTo("a1");

		assertThat(this.waits).containsExactly(Duration.ofSeconds(7));
		assertThat(this.vapi.getRequestCount()).isEqualTo(2);
	}

	@Test
	void rateLimitAcceptsAnHttpDateInRetryAfter() {
		this.vapi.enqueue(
				new MockResponse.Builder().code(429).addHeader("Retry-After", "Sun, 29 Nov 2026 01:00:03 GMT").build());
		this.vapi.enqueue(json(200, "[]"));

		assertThat(this.client.tools()).isEmpty();

		assertThat(this.waits).containsExactly(Duration.ofSeconds(3));
	}

	@Test
	void retryAfterLongerThanTheLimitIsShortenedToIt() {
		this.vapi.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "120").build());
		this.vapi.enqueue(json(200, "[]"));

		assertThat(this.client.credentials()).isEmpty();

		assertThat(this.waits).containsExactly(Duration.ofSeconds(30));
	}

	@Test
	void rateLimitWithoutRetryAfterBacksOff() {
		this.vapi.enqueue(new MockResponse.Builder().code(429).build());
		this.vapi.enqueue(json(200, "[]"));

		assertThat(this.client.credentials()).isEmpty();

		assertThat(this.waits).containsExactly(Duration.ofMillis(100));
	}

	@Test
	void rateLimitPastTheRetriesFails() {
		for (int i = 0; i < 3; i++) {
			this.vapi.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "1").build());
		}

		assertThatExceptionOfType(VapiApiException.class).isThrownBy(() -> this.client.tools())
			.satisfies((ex) -> assertThat(ex.status()).isEqualTo(429))
			.withMessageContaining("rate-limiting");
		assertThat(this.waits).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(1));
	}

	@Test
	void rateLimitEvenOnAPostIsRetried() {
		this.vapi.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "1").build());
		this.vapi.enqueue(json(201, "{\"id\":\"t9\"}"));

		ObjectNode created = this.client.createTool(this.json.createObjectNode().put("type", "function"));

		assertThat(created.path("id").asString()).isEqualTo("t9");
		assertThat(this.vapi.getRequestCount()).isEqualTo(2);
	}

	@Test
	void serverErrorsAreRetriedWithGrowingBackoff() {
		this.vapi.enqueue(json(502, "{}"));
		this.vapi.enqueue(json(500, "{}"));
		this.vapi.enqueue(json(200, "{\"id\":\"a1\"}"));

		assertThat(this.client.assistant("a1").path("id").asString()).isEqualTo("a1");

		assertThat(this.waits).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200));
	}

	@Test
	void serverErrorsPastTheRetriesFail() {
		for (int i = 0; i < 3; i++) {
			this.vapi.enqueue(json(503, "{\"message\":\"upstream unavailable\"}"));
		}

		assertThatExceptionOfType(VapiApiException.class).isThrownBy(() -> this.client.assistant("a1"))
			.satisfies((ex) -> assertThat(ex.status()).isEqualTo(503))
			.withMessageContaining("answered 503 to GET /assistant/a1")
			.withMessageContaining("upstream unavailable");
		assertThat(this.vapi.getRequestCount()).isEqualTo(3);
	}

	@Test
	void postIsNotRetriedAfterAServerErrorThatMayHaveActed() {
		this.vapi.enqueue(json(500, "{}"));

		assertThatExceptionOfType(VapiApiException.class)
			.isThrownBy(() -> this.client.createTool(this.json.createObjectNode().put("type", "function")))
			.satisfies((ex) -> assertThat(ex.status()).isEqualTo(500));
		assertThat(this.vapi.getRequestCount()).isEqualTo(1);
		assertThat(this.waits).isEmpty();
	}

	@Test
	void readTimeoutIsRetried() {
		VapiApiClient impatient = client(Duration.ofMillis(300));
		this.vapi.enqueue(new MockResponse.Builder().code(200).body("{}").headersDelay(2, TimeUnit.SECONDS).build());
		this.vapi.enqueue(json(200, "{\"id\":\"a1\"}"));

		assertThat(impatient.assistant("a1").path("id").asString()).isEqualTo("a1");

		assertThat(this.waits).containsExactly(Duration.ofMillis(100));
		assertThat(this.vapi.getRequestCount()).isEqualTo(2);
	}

	@Test
	void unreachableApiFailsAfterTheRetries() {
		VapiApiProperties properties = new VapiApiProperties(URI.create("http://127.0.0.1:1"), Duration.ofSeconds(1),
				Duration.ofSeconds(1), 2, Duration.ofMillis(100), Duration.ofSeconds(30), "x");
		VapiApiClient unreachable = new VapiApiClient(properties, KEY, this.waits::add, this.clock);

		assertThatExceptionOfType(VapiApiException.class).isThrownBy(() -> unreachable.tools())
			.satisfies((ex) -> assertThat(ex.status()).isZero())
			.withMessageContaining("did not answer GET /tool")
			.withMessageContaining("after 3 attempt(s)")
			.withMessageNotContaining(KEY);
		assertThat(this.waits).hasSize(2);
	}

	@Test
	void refusesAnIdThatWouldChangeThePath() {
		assertThatExceptionOfType(IllegalArgumentException.class).isThrownBy(() -> this.client.assistant("../tool"));
		assertThat(this.vapi.getRequestCount()).isZero();
	}

	private void assertAuthenticatedJson(RecordedRequest request) {
		assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer " + KEY);
		assertThat(request.getHeaders().get("Content-Type")).startsWith("application/json");
		assertThat(request.getHeaders().get("Accept")).isEqualTo("application/json");
	}

	private JsonNode body(RecordedRequest request) {
		return this.json.readTree(request.getBody().utf8());
	}

	private static MockResponse json(int status, String body) {
		return new MockResponse.Builder().code(status).addHeader("Content-Type", "application/json").body(body).build();
	}

}

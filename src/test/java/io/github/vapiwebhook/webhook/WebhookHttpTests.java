package io.github.vapiwebhook.webhook;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.skyscreamer.jsonassert.JSONAssert;
import org.skyscreamer.jsonassert.JSONCompareMode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The core over real HTTP with its built-in replies: the tools feature, which answers
 * tool-calls and function-call itself, is switched off here (it has its own end-to-end
 * test).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "vapi.security.shared-secret.secrets=test-secret", "vapi.webhook.max-body-size=256KB",
				"vapi.tools.enabled=false" })
class WebhookHttpTests {

	private static final String SECRET_HEADER = "X-Vapi-Secret";

	private static final String SECRET = "test-secret";

	private static final String ACK = "{}";

	@LocalServerPort
	int port;

	static Stream<Arguments> fixtures() {
		return Stream.of(
				Arguments.of("assistant-request",
						"{\"error\":\"Sorry, this number cannot take calls right now. Please try again later.\"}"),
				Arguments.of("tool-calls",
						"""
								{"results":[
								{"name":"check_availability","toolCallId":"call_9rUj3bX2kQ1","error":"No tool with this name is available."},
								{"name":"lookup_patient","toolCallId":"call_9rUj3bX2kQ2","error":"No tool with this name is available."},
								{"name":"get_office_hours","toolCallId":"call_9rUj3bX2kQ3","error":"No tool with this name is available."},
								{"name":"send_confirmation_sms","toolCallId":"call_9rUj3bX2kQ4","error":"No tool with this name is available."}]}"""),
				Arguments.of("function-call", "{\"result\":\"No function with this name is available.\"}"),
				Arguments.of("transfer-destination-request", "{\"error\":\"No transfer destination is available.\"}"),
				Arguments.of("handoff-destination-request",
						"{\"destination\":{},\"error\":\"No handoff destination is available.\"}"),
				Arguments.of("knowledge-base-request", "{\"documents\":[]}"),
				Arguments.of("call.endpointing.request", "{\"timeoutSeconds\":1.0}"),
				Arguments.of("campaign.predial", "{\"eligible\":true}"), Arguments.of("voice-request", ACK),
				Arguments.of("status-update", ACK), Arguments.of("end-of-call-report", ACK),
				Arguments.of("conversation-update", ACK), Arguments.of("transcript", ACK),
				Arguments.of("transcript-final", ACK), Arguments.of("speech-update", ACK),
				Arguments.of("model-output", ACK), Arguments.of("user-interrupted", ACK), Arguments.of("hang", ACK),
				Arguments.of("transfer-update", ACK), Arguments.of("phone-call-control", ACK),
				Arguments.of("language-change-detected", ACK), Arguments.of("language-changed", ACK),
				Arguments.of("voice-input", ACK), Arguments.of("assistant.speechStarted", ACK),
				Arguments.of("assistant.started", ACK), Arguments.of("chat.created", ACK),
				Arguments.of("chat.deleted", ACK), Arguments.of("session.created", ACK),
				Arguments.of("session.updated", ACK), Arguments.of("session.deleted", ACK),
				Arguments.of("call.deleted", ACK), Arguments.of("call.delete.failed", ACK),
				Arguments.of("call.artifact.upload", ACK), Arguments.of("unknown-type", ACK));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("fixtures")
	void answersEveryFixtureWith200AndTheBareReply(String fixture, String expected) throws Exception {
		Answer answer = post(MediaType.APPLICATION_JSON_VALUE, WebhookTestSupport.fixtureBytes(fixture));
		assertThat(answer.status()).isEqualTo(200);
		assertThat(answer.contentType()).startsWith(MediaType.APPLICATION_JSON_VALUE);
		JSONAssert.assertEquals(expected, answer.body(), JSONCompareMode.STRICT);
	}

	@Test
	void acceptsJsonWithCharset() {
		Answer answer = post("application/json;charset=UTF-8", WebhookTestSupport.fixtureBytes("hang"));
		assertThat(answer.status()).isEqualTo(200);
	}

	@ParameterizedTest
	@ValueSource(strings = { "*/*", "application/json", "application/json, text/plain, */*", "application/*",
			"text/html;q=0.9, application/json;q=0.8" })
	void acceptHeadersThatAllowJsonAreAnswered(String accept) {
		Answer answer = post(MediaType.APPLICATION_JSON_VALUE, accept, WebhookTestSupport.fixtureBytes("hang"));
		assertThat(answer.status()).isEqualTo(200);
		assertThat(answer.body()).isEqualTo(ACK);
	}

	@Test
	void acceptHeaderThatRulesOutJsonIsA406() {
		Answer answer = post(MediaType.APPLICATION_JSON_VALUE, MediaType.TEXT_HTML_VALUE,
				WebhookTestSupport.fixtureBytes("hang"));
		assertThat(answer.status()).isEqualTo(406);
	}

	@Test
	void malformedJsonIsA400Problem() {
		Answer answer = post(MediaType.APPLICATION_JSON_VALUE, bytes("{\"message\":{\"type\":\"hang\""));
		assertProblem(answer, 400, "not valid JSON");
	}

	@Test
	void bodyWithoutMessageIsA400Problem() {
		assertProblem(post(MediaType.APPLICATION_JSON_VALUE, bytes("{\"type\":\"hang\"}")), 400, "'message'");
	}

	@Test
	void messageWithoutTypeIsA400Problem() {
		assertProblem(post(MediaType.APPLICATION_JSON_VALUE, bytes("{\"message\":{\"call\":{}}}")), 400,
				"'message.type'");
	}

	@Test
	void fieldOfTheWrongShapeIsA400ProblemNamingIt() {
		assertProblem(
				post(MediaType.APPLICATION_JSON_VALUE,
						bytes("{\"message\":{\"type\":\"tool-calls\",\"toolCallList\":{\"id\":1}}}")),
				400, "message.toolCallList");
	}

	@Test
	void emptyBodyIsA400Problem() {
		assertProblem(post(MediaType.APPLICATION_JSON_VALUE, new byte[0]), 400, "");
	}

	@ParameterizedTest
	@ValueSource(strings = { "[]", "null", "\"x\"", "{\"message\":[]}", "{\"message\":{\"type\":7}}",
			"{\"message\":{\"type\":\"hang\"}} {}", "{\"message\":{\"type\":\"tool-calls\"}}",
			"{\"message\":{\"type\":\"function-call\"}}",
			"{\"message\":{\"type\":\"assistant-request\",\"timestamp\":true}}",
			"{\"message\":{\"type\":\"tool-calls\",\"toolCallList\":[{\"id\":\"a\",\"function\":\"oops\"}]}}",
			"{\"message\":{\"type\":\"knowledge-base-request\",\"call\":{\"createdAt\":\"not a date\"}}}",
			"{\"message\":{\"type\":\"call.endpointing.request\",\"timestamp\":\"\"}}", "\u00ff\u00fe" })
	void clientInputNeverCausesA500(String body) {
		Answer answer = post(MediaType.APPLICATION_JSON_VALUE, bytes(body));
		assertThat(answer.status()).isEqualTo(400);
		assertThat(answer.contentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
	}

	@ParameterizedTest
	@ValueSource(strings = { "{\"message\":{\"type\":\"status-update\"}}",
			"{\"message\":{\"type\":\"end-of-call-report\"}}",
			"{\"message\":{\"type\":\"end-of-call-report\",\"analysis\":{\"structuredData\":{\"booked\":true}}}}",
			"{\"message\":{\"type\":\"end-of-call-report\",\"endedReason\":\"x\",\"call\":\"{{call}}\"}}",
			"{\"message\":{\"type\":\"hang\",\"timestamp\":true}}",
			"{\"message\":{\"type\":\"end-of-call-report\",\"endedReason\":\"x\",\"costs\":\"free\"}}",
			"{\"message\":{\"type\":\"hang\",\"call\":{\"createdAt\":\"not a date\"}}}",
			"{\"message\":{\"type\":\"speech-update\",\"turn\":99999999999999999999}}",
			"{\"message\":{\"type\":\"hang\",\"timestamp\":\"\"}}",
			"{\"message\":{\"type\":\"conversation-update\",\"messages\":[{\"role\":\"bot\",\"time\":{}}]}}" })
	void eventWithAFieldMissingOrOfTheWrongShapeIsAcknowledged(String body) {
		Answer answer = post(MediaType.APPLICATION_JSON_VALUE, bytes(body));
		assertThat(answer.status()).isEqualTo(200);
		assertThat(answer.body()).isEqualTo(ACK);
	}

	@Test
	void toolCallsWithoutAnyCallIsA400Problem() {
		assertProblem(
				post(MediaType.APPLICATION_JSON_VALUE,
						bytes("{\"message\":{\"type\":\"tool-calls\",\"toolCallList\":[],\"call\":{\"id\":\"c-1\"}}}")),
				400, "tool-calls has no tool call");
	}

	@Test
	void functionCallWithoutFunctionCallIsA400Problem() {
		assertProblem(post(MediaType.APPLICATION_JSON_VALUE, bytes("{\"message\":{\"type\":\"function-call\"}}")), 400,
				"function-call has no functionCall");
	}

	@Test
	void wrongContentTypeIsA415Problem() {
		Answer answer = post(MediaType.TEXT_PLAIN_VALUE, WebhookTestSupport.fixtureBytes("hang"));
		assertThat(answer.status()).isEqualTo(415);
		assertThat(answer.contentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		assertThat(answer.body()).contains("\"status\":415");
	}

	@Test
	void formContentTypeIsA415Problem() {
		Answer answer = post(MediaType.APPLICATION_FORM_URLENCODED_VALUE, bytes("message=hang"));
		assertThat(answer.status()).isEqualTo(415);
		assertThat(answer.contentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
	}

	@Test
	void bodyOverTheLimitWithContentLengthIsA413Problem() {
		Answer answer = post(MediaType.APPLICATION_JSON_VALUE, oversizedBody());
		assertProblem(answer, 413, "262144 bytes");
	}

	@Test
	void chunkedBodyOverTheLimitIsA413Problem() throws Exception {
		byte[] body = oversizedBody();
		HttpRequest request = HttpRequest.newBuilder(URI.create(url("/vapi/webhook")))
			.header("Content-Type", MediaType.APPLICATION_JSON_VALUE)
			.header(SECRET_HEADER, SECRET)
			.POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
			.build();
		HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
		HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
		assertThat(request.bodyPublisher().orElseThrow().contentLength()).isEqualTo(-1);
		assertThat(response.statusCode()).isEqualTo(413);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE));
		assertThat(response.body()).contains("262144 bytes");
	}

	@Test
	void chunkedBodyUnderTheLimitIsAccepted() throws Exception {
		byte[] body = WebhookTestSupport.fixtureBytes("end-of-call-report");
		HttpRequest request = HttpRequest.newBuilder(URI.create(url("/vapi/webhook")))
			.header("Content-Type", MediaType.APPLICATION_JSON_VALUE)
			.header(SECRET_HEADER, SECRET)
			.POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
			.build();
		HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
		HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).isEqualTo("{}");
	}

	@Test
	void getOnTheWebhookIsA405() {
		Answer answer = RestClient.create()
			.method(HttpMethod.GET)
			.uri(url("/vapi/webhook"))
			.header(SECRET_HEADER, SECRET)
			.exchange((request, response) -> new Answer(response.getStatusCode().value(),
					String.valueOf(response.getHeaders().getContentType()),
					new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8)));
		assertThat(answer.status()).isEqualTo(405);
		assertThat(answer.contentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
	}

	private byte[] oversizedBody() {
		byte[] padding = new byte[300 * 1024];
		Arrays.fill(padding, (byte) 'a');
		String json = "{\"message\":{\"type\":\"hang\",\"padding\":\"" + new String(padding, StandardCharsets.US_ASCII)
				+ "\"}}";
		return bytes(json);
	}

	private static void assertProblem(Answer answer, int status, String detail) {
		assertThat(answer.status()).isEqualTo(status);
		assertThat(answer.contentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		assertThat(answer.body()).contains("\"status\":" + status).contains(detail);
	}

	private Answer post(String contentType, byte[] body) {
		return post(contentType, null, body);
	}

	private Answer post(String contentType, @Nullable String accept, byte[] body) {
		return RestClient.create()
			.post()
			.uri(url("/vapi/webhook"))
			.header("Content-Type", contentType)
			.headers((headers) -> {
				if (accept != null) {
					headers.set("Accept", accept);
				}
			})
			.header(SECRET_HEADER, SECRET)
			.body(body)
			.exchange((request, response) -> new Answer(response.getStatusCode().value(),
					String.valueOf(response.getHeaders().getContentType()),
					new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8)));
	}

	private String url(String path) {
		return "http://127.0.0.1:" + this.port + path;
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	record Answer(int status, String contentType, String body) {
	}

}

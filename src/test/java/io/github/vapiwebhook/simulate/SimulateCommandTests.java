package io.github.vapiwebhook.simulate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import io.github.vapiwebhook.security.WebhookSigner;
import io.github.vapiwebhook.testing.CommandRun;

import static org.assertj.core.api.Assertions.assertThat;

class SimulateCommandTests {

	private static final String TOOLS = """
			[{"type":"function","function":{"name":"book_appointment","description":"Books a slot",
			  "parameters":{"type":"object","properties":{
			    "date":{"type":"string","format":"date"},
			    "timeOfDay":{"type":"string","enum":["morning","afternoon"]},
			    "people":{"type":"integer","minimum":2}},
			  "required":["date"]}}},
			 {"type":"function","function":{"name":"current_time","parameters":{"type":"object","properties":{}}}}]
			""";

	private final MockWebServer server = new MockWebServer();

	private final CommandRun command = new CommandRun();

	@TempDir
	Path temp;

	@AfterEach
	void stopServer() {
		this.server.close();
	}

	@Test
	void playsTheInboundCallAndReportsEveryReplyOk() throws IOException {
		WebhookStub stub = start(WebhookStub.correct());
		int exit = run("--url", url(), "--tools-file", toolsFile().toString(), "--hmac-secret", "s3cret");
		assertThat(exit).as(this.command.out()).isZero();
		assertThat(stub.types()).containsExactly("assistant-request", "status-update", "status-update", "speech-update",
				"transcript", "speech-update", "speech-update", "transcript", "transcript", "speech-update",
				"tool-calls", "tool-calls", "transcript", "transcript", "status-update", "end-of-call-report");
		assertThat(this.command.out()).contains("16 messages, 0 failed");
		assertThat(rows()).hasSize(16).allSatisfy((row) -> assertThat(row).endsWith(" ok"));
		assertThat(rows().get(0)).matches("1\\s+1\\s+assistant-request\\s+200\\s+\\d+ ms\\s+ok");
	}

	@Test
	void keepsOneCallIdAndAdvancingTimestampsAcrossTheCall() throws IOException {
		WebhookStub stub = start(WebhookStub.correct());
		run("--url", url(), "--tools-file", toolsFile().toString());
		List<JsonNode> messages = stub.requests().stream().map(stub::message).toList();
		assertThat(messages).extracting((message) -> message.get("call").get("id").asString())
			.containsOnly(messages.get(0).get("call").get("id").asString());
		assertThat(messages).extracting((message) -> message.get("timestamp").asLong()).isSorted();
		JsonNode report = messages.get(messages.size() - 1);
		assertThat(report.get("endedReason").asString()).isEqualTo("customer-ended-call");
		assertThat(report.get("artifact").get("transcript").asString()).startsWith("AI: Hello, thanks for calling.")
			.contains("User: I'd like to book an appointment for tomorrow morning.");
		assertThat(report.get("artifact").get("messages")).hasSize(4);
		assertThat(report.get("analysis").get("summary").isString()).isTrue();
		assertThat(report.get("startedAt").asString()).isLessThan(report.get("endedAt").asString());
		assertThat(messages.get(1).get("status").asString()).isEqualTo("ringing");
		assertThat(messages.get(14).get("call").get("status").asString()).isEqualTo("ended");
	}

	@Test
	void generatesToolArgumentsFromEachToolsSchema() throws IOException {
		WebhookStub stub = start(WebhookStub.correct());
		run("--url", url(), "--tools-file", toolsFile().toString());
		List<JsonNode> toolCalls = stub.requests()
			.stream()
			.map(stub::message)
			.filter((message) -> "tool-calls".equals(message.get("type").asString()))
			.toList();
		assertThat(toolCalls).hasSize(2);
		JsonNode booking = toolCalls.get(0).get("toolCallList").get(0);
		assertThat(booking.get("function").get("name").asString()).isEqualTo("book_appointment");
		JsonNode arguments = booking.get("function").get("arguments");
		assertThat(arguments.get("date").asString()).matches("\\d{4}-\\d{2}-\\d{2}");
		assertThat(arguments.get("timeOfDay").asString()).isEqualTo("morning");
		assertThat(arguments.get("people").asInt()).isEqualTo(2);
		JsonNode withCall = toolCalls.get(0).get("toolWithToolCallList").get(0);
		assertThat(withCall.get("toolCall")).isEqualTo(booking);
		assertThat(withCall.get("function").get("description").asString()).isEqualTo("Books a slot");
		assertThat(withCall.get("server").get("url").asString()).isEqualTo(url());
	}

	@Test
	void signsEveryRequestWithTheHmacSecret() throws IOException {
		WebhookStub stub = start(WebhookStub.correct());
		run("--url", url(), "--hmac-secret", "s3cret");
		assertThat(stub.requests()).isNotEmpty().allSatisfy((request) -> {
			String timestamp = request.getHeaders().get("x-timestamp");
			Map<String, String> expected = WebhookSigner.hmac("s3cret")
				.headersFor(request.getBody().toByteArray(), Instant.ofEpochSecond(Long.parseLong(timestamp)));
			assertThat(request.getHeaders().get("x-signature")).isEqualTo(expected.get("x-signature"));
		});
	}

	@Test
	void sendsTheBearerTokenOrSharedSecret() throws IOException {
		WebhookStub stub = start(WebhookStub.correct());
		run("--url", url(), "--bearer-token", "tok");
		assertThat(stub.requests())
			.allSatisfy((request) -> assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer tok"));
		WebhookStub second = restart(WebhookStub.correct());
		run("--url", url(), "--secret", "shh", "--scenario", "transfer");
		assertThat(second.requests())
			.allSatisfy((request) -> assertThat(request.getHeaders().get("X-Vapi-Secret")).isEqualTo("shh"));
	}

	@Test
	void reportsAWrongReplyShapeAsAFailure() {
		start(new WebhookStub(Map.of("assistant-request", (message) -> WebhookStub.json("{\"assistant\":\"Ann\"}"))));
		int exit = run("--url", url());
		assertThat(exit).isEqualTo(1);
		assertThat(rows().get(0)).contains("assistant-request").contains("FAIL: reply.assistant is not an object");
		assertThat(this.command.out()).contains("1 failed");
	}

	@Test
	void reportsAReplyWithoutAnyAnswerGroupAsAFailure() {
		start(new WebhookStub(Map.of("assistant-request", (message) -> WebhookStub.json("{}"))));
		assertThat(run("--url", url())).isEqualTo(1);
		assertThat(rows().get(0)).contains("FAIL: reply has none of assistantId, assistant, squadId");
	}

	@Test
	void reportsAWrappedReplyAsAFailure() {
		start(new WebhookStub(Map.of("assistant-request",
				(message) -> WebhookStub.json("{\"messageResponse\":{\"assistantId\":\"a\"}}"))));
		assertThat(run("--url", url())).isEqualTo(1);
		assertThat(rows().get(0)).contains("FAIL: the reply is wrapped in 'messageResponse'");
	}

	@Test
	void reportsAServerErrorAsAFailure() {
		start(new WebhookStub(Map.of("status-update", (message) -> new MockResponse.Builder().code(500).build())));
		int exit = run("--url", url(), "--scenario", "transfer");
		assertThat(exit).isEqualTo(1);
		assertThat(rows()).filteredOn((row) -> row.contains("status-update"))
			.hasSize(4)
			.allSatisfy((row) -> assertThat(row).contains(" 500 ")
				.contains("FAIL: HTTP 500, Vapi counts anything but 2xx as a failure"));
	}

	@Test
	void reportsARequestAnsweredWithAnythingButTwoHundredAsAFailure() {
		start(new WebhookStub(Map.of("transfer-destination-request",
				(message) -> new MockResponse.Builder().code(201).body("{\"error\":\"no\"}").build())));
		assertThat(run("--url", url(), "--scenario", "transfer")).isEqualTo(1);
		assertThat(rows()).filteredOn((row) -> row.contains("transfer-destination-request"))
			.singleElement()
			.asString()
			.contains("FAIL: HTTP 201, Vapi uses only a 200 answer");
	}

	@Test
	void reportsASlowAnswerPastTheDeadlineAsAFailure() throws IOException {
		start(new WebhookStub(Map.of("tool-calls",
				(message) -> new MockResponse.Builder().code(200)
					.addHeader("Content-Type", "application/json")
					.body("{\"results\":[]}")
					.headersDelay(1500, TimeUnit.MILLISECONDS)
					.build())));
		int exit = run("--url", url(), "--tools-file", toolsFile().toString(), "--timeout", "0.5");
		assertThat(exit).isEqualTo(1);
		assertThat(rows()).filteredOn((row) -> row.contains("tool-calls"))
			.hasSize(2)
			.allSatisfy((row) -> assertThat(row).contains("FAIL: no answer within Vapi's deadline of 500 ms"));
		assertThat(rows()).filteredOn((row) -> !row.contains("tool-calls"))
			.allSatisfy((row) -> assertThat(row).endsWith(" ok"));
		// the run took more than a second, so it showed its progress
		assertThat(this.command.err()).contains("16/16 messages sent, 2 failed");
	}

	@Test
	void reportsToolResultsThatDoNotEchoTheToolCallId() throws IOException {
		start(new WebhookStub(Map.of("tool-calls", (message) -> WebhookStub.json(
				"{\"results\":[{\"name\":\"book_appointment\",\"toolCallId\":\"call_other\",\"result\":\"a\\nb\"}]}"))));
		assertThat(run("--url", url(), "--tools-file", toolsFile().toString())).isEqualTo(1);
		assertThat(rows()).filteredOn((row) -> row.contains("tool-calls"))
			.first()
			.asString()
			.contains("results[0].result is not a single line")
			.contains("results[0].toolCallId 'call_other' was not sent")
			.contains("no result for toolCallId 'call_");
	}

	@Test
	void failedToolScenarioExpectsAnErrorResult() {
		WebhookStub stub = start(new WebhookStub(Map.of("tool-calls",
				(message) -> WebhookStub.json(WebhookStub.correct().toolResults(message, false)))));
		assertThat(run("--url", url(), "--scenario", "failed-tool")).isEqualTo(1);
		assertThat(stub.requests().stream().map(stub::message).filter((m) -> m.has("toolCallList"))).singleElement()
			.satisfies(
					(message) -> assertThat(message.get("toolCallList").get(0).get("function").get("name").asString())
						.isEqualTo("simulated_missing_tool"));
		assertThat(rows()).filteredOn((row) -> row.contains("tool-calls"))
			.singleElement()
			.asString()
			.contains("FAIL: results[0] has no 'error', which the scenario expects");
	}

	@Test
	void reportsAnUnreachableServerAsAFailure() {
		start(WebhookStub.correct());
		String url = url();
		this.server.close();
		assertThat(run("--url", url, "--scenario", "failed-tool")).isEqualTo(1);
		assertThat(rows()).allSatisfy((row) -> assertThat(row).contains("FAIL: cannot connect to"));
	}

	@Test
	void playsSeveralCallsAtTheGivenRate() {
		WebhookStub stub = start(WebhookStub.correct());
		assertThat(run("--url", url(), "--scenario", "transfer", "--calls", "3", "--rate", "20")).isZero();
		assertThat(stub.requests()
			.stream()
			.map((request) -> stub.message(request).get("call").get("id").asString())
			.distinct()).hasSize(3);
		assertThat(rows()).hasSize(30);
		assertThat(rows()).extracting((row) -> row.split("\\s+")[0]).containsOnly("1", "2", "3");
	}

	@Test
	void playsAScenarioFile() throws IOException {
		WebhookStub stub = start(WebhookStub.correct());
		Path scenario = Files.writeString(this.temp.resolve("mine.json"), """
				{"description": "two steps", "steps": [
				  {"type": "status-update", "status": "in-progress"},
				  {"type": "tool-calls", "tools": [{"name": "lookup", "arguments": {"id": 7}}], "expect": "result"}]}
				""");
		assertThat(run("--url", url(), "--scenario", scenario.toString())).isZero();
		assertThat(stub.types()).containsExactly("status-update", "tool-calls");
		assertThat(stub.message(stub.requests().get(1))
			.get("toolCallList")
			.get(0)
			.get("function")
			.get("arguments")
			.get("id")
			.asInt()).isEqualTo(7);
		assertThat(this.command.out()).contains("two steps");
	}

	@Test
	void rejectsAnUnknownScenarioWithExitCode2() {
		start(WebhookStub.correct());
		assertThat(run("--url", url(), "--scenario", "nope")).isEqualTo(2);
		assertThat(this.command.err())
			.contains("No built-in scenario and no file named nope; the built-in scenarios are inbound-call-with-tool");
	}

	@Test
	void rejectsBadOptionsWithExitCode2() {
		assertThat(run()).isEqualTo(2);
		assertThat(this.command.err()).contains("Missing required option: '--url=URL'");
		assertThat(run("--url", "http://localhost:1/", "--rate", "0")).isEqualTo(2);
		assertThat(run("--url", "http://localhost:1/", "--calls", "1001")).isEqualTo(2);
		assertThat(run("--url", "http://localhost:1/", "--hmac-secret", "a", "--secret", "b")).isEqualTo(2);
		assertThat(this.command.err()).contains("Give at most one of --hmac-secret, --bearer-token and --secret");
	}

	@Test
	void helpListsTheOptionsAndExitCodes() {
		assertThat(run("--help")).isZero();
		assertThat(this.command.out()).contains("--url=URL", "--scenario=NAME|FILE", "--rate=N", "--timeout=SECONDS",
				"--hmac-secret=SECRET", "--tools-url=URL", "Exit codes:", "1   at least one reply failed its check");
	}

	private int run(String... args) {
		return this.command.execute(new SimulateCommand(), args);
	}

	private List<String> rows() {
		return this.command.rows();
	}

	private WebhookStub start(WebhookStub stub) {
		this.server.setDispatcher(stub);
		try {
			this.server.start();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		return stub;
	}

	private WebhookStub restart(WebhookStub stub) {
		this.server.setDispatcher(stub);
		return stub;
	}

	private String url() {
		return this.server.url("/vapi/webhook").toString();
	}

	private Path toolsFile() throws IOException {
		return Files.writeString(this.temp.resolve("tools.json"), TOOLS);
	}

}

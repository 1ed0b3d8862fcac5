package io.github.vapiwebhook.tools;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import io.github.vapiwebhook.message.FunctionCallMessage;
import io.github.vapiwebhook.message.ServerMessageReader;
import io.github.vapiwebhook.message.ToolCall;
import io.github.vapiwebhook.message.ToolCallsMessage;
import io.github.vapiwebhook.reply.ToolCallResult;
import io.github.vapiwebhook.reply.ToolCallsReply;
import io.github.vapiwebhook.reply.ToolMessage;
import io.github.vapiwebhook.webhook.HandlerExecutor;
import io.github.vapiwebhook.webhook.WebhookProperties;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(OutputCaptureExtension.class)
class ToolCallsHandlerTests {

	private static final String BOOKING = "{\"date\": \"2026-03-02\", \"time\": \"10:30\"}";

	private static final String BOOKING_REORDERED = "{\"time\": \"10:30\", \"date\": \"2026-03-02\"}";

	private static final String CONFLICT = "Tool call tc was already used for another tool or other arguments; "
			+ "it was not run.";

	private static final String TOO_MANY = "Too many tool calls in one message; this one was not run.";

	private final JsonMapper mapper = JsonMapper.builder().build();

	private final LatchTools tools = new LatchTools();

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	private final HandlerExecutor executor = new HandlerExecutor(
			new Binder(new MapConfigurationPropertySource()).bindOrCreate("vapi.webhook", WebhookProperties.class));

	private final InMemoryToolResultStore store = new InMemoryToolResultStore(
			Clock.fixed(Instant.parse("2026-03-02T08:00:00Z"), ZoneOffset.UTC), Duration.ofMinutes(10), 100);

	private final ToolCallRunner runner = runner(Duration.ofSeconds(10));

	private final ToolCallsHandler handler = new ToolCallsHandler(this.runner, "Accepted.", 128,
			new ToolMetrics(this.meters));

	@AfterEach
	void releaseBlockedToolsAndStop() throws InterruptedException {
		this.tools.release.countDown();
		this.executor.destroy();
	}

	@Test
	void runsTheCallsOfOneMessageConcurrently() {
		// Each call waits for the other to arrive: run one after the other, both would
		// wait for the full five seconds and answer "alone".
		ToolCallsReply reply = handle(call("a", "meet", "{}"), call("b", "meet", "{}"));
		assertThat(reply.results()).extracting(ToolCallResult::result).containsExactly("met", "met");
	}

	@Test
	void answersInRequestOrderWhateverOrderTheToolsFinishIn() {
		ToolCallsReply reply = handle(call("1", "finishes_last", "{}"), call("2", "finishes_first", "{}"));
		assertThat(reply.results()).extracting(ToolCallResult::toolCallId).containsExactly("1", "2");
		assertThat(reply.results()).extracting(ToolCallResult::result).containsExactly("last", "first");
		assertThat(this.tools.finishOrder).containsExactly("first", "last");
	}

	@Test
	void slowCallAnswersAnErrorAtItsDeadlineWhileTheOthersAnswer() {
		ToolCallsReply reply = handle(call("slow", "blocks", "{}"), call("fast", "echo", "{\"text\": \"hi\"}"));
		assertThat(reply.results().get(0).error()).isEqualTo("The tool blocks did not finish in time.");
		assertThat(reply.results().get(1).result()).isEqualTo("hi");
	}

	@Test
	void timesCallsByToolAndOutcome() {
		handle(call("1", "blocks", "{}"), call("2", "echo", "{\"text\": \"hi\"}"), call("3", "fails", "{}"),
				call("4", "made_up", "{}"));
		assertThat(count("blocks", "timeout")).isEqualTo(1);
		assertThat(count("echo", "ok")).isEqualTo(1);
		assertThat(count("fails", "error")).isEqualTo(1);
		assertThat(count("unknown", "unknown")).isEqualTo(1);
		this.meters.getMeters()
			.forEach(
					(meter) -> assertThat(meter.getId().getTags()).extracting(io.micrometer.core.instrument.Tag::getKey)
						.as(meter.getId().getName())
						.isSubsetOf("tool", "outcome", "phi"));
		assertThat(this.meters.find("vapi.tools.calls").tag("tool", "made_up").timer()).isNull();
	}

	private long count(String tool, String outcome) {
		return this.meters.get("vapi.tools.calls").tag("tool", tool).tag("outcome", outcome).timer().count();
	}

	@Test
	void configuredDefaultTimeoutAppliesToToolsWithoutTheirOwn() {
		ToolCallsHandler quick = new ToolCallsHandler(runner(Duration.ofMillis(100)), "Accepted.", 128,
				new ToolMetrics(this.meters));
		ToolCallsReply reply = quick.handle(message(call("x", "waits", "{}")));
		assertThat(reply.results().get(0).error()).isEqualTo("The tool waits did not finish in time.");
	}

	@Test
	void exceptionBecomesAGenericErrorForThatCallAlone() {
		ToolCallsReply reply = handle(call("1", "fails", "{}"), call("2", "echo", "{\"text\": \"ok\"}"));
		assertThat(reply.results().get(0).error()).isEqualTo("The tool fails failed with an internal error.")
			.doesNotContain("hunter2");
		assertThat(reply.results().get(1).result()).isEqualTo("ok");
	}

	@Test
	void unknownToolReturnsErrorResult() {
		ToolCallsReply reply = handle(call("1", "nope", "{}"), call("2", "echo", "{\"text\": \"ok\"}"));
		assertThat(reply.results().get(0))
			.isEqualTo(ToolCallResult.failure("nope", "1", "No tool named nope exists on this server."));
		assertThat(reply.results().get(1).result()).isEqualTo("ok");
	}

	@Test
	void argumentsThatDoNotBindReturnAnErrorNamingTheArgument() {
		ToolCallsReply reply = handle(call("1", "add", "{\"a\": 1, \"b\": \"two\"}"));
		assertThat(reply.results().get(0).error()).isEqualTo("Argument 'b' must be an integer; got \"two\"");
	}

	@Test
	void argumentsThatAreNotAnObjectReturnAnError() {
		ToolCallsReply reply = handle(call("1", "echo", "\"[1, 2]\""), call("2", "echo", "\"{not json\""));
		assertThat(reply.results()).extracting(ToolCallResult::error)
			.containsExactly("The arguments must be a JSON object", "The arguments are not valid JSON");
	}

	@Test
	void readsArgumentsAsObject() {
		assertThat(onlyResult("{\"id\": \"1\", \"type\": \"function\", \"function\": {\"name\": \"add\", "
				+ "\"arguments\": {\"a\": 1, \"b\": 2}}}"))
			.isEqualTo("3");
	}

	@Test
	void readsArgumentsAsJsonString() {
		assertThat(onlyResult("{\"id\": \"1\", \"type\": \"function\", \"function\": {\"name\": \"add\", "
				+ "\"arguments\": \"{\\\"a\\\": 1, \\\"b\\\": 2}\"}}"))
			.isEqualTo("3");
	}

	@Test
	void readsEmptyStringArgumentsAsNoArguments() {
		assertThat(onlyResult("{\"id\": \"1\", \"function\": {\"name\": \"nothing\", \"arguments\": \"\"}}"))
			.isEqualTo("Done.");
		assertThat(handle(call("2", "add", "\"\"")).results().get(0).error())
			.isEqualTo("Missing required argument 'a' (expected an integer)");
	}

	@Test
	void readsFunctionParameters() {
		assertThat(
				onlyResult("{\"id\": \"1\", \"function\": {\"name\": \"add\", \"parameters\": {\"a\": 2, \"b\": 2}}}"))
			.isEqualTo("4");
	}

	@Test
	void readsFlattenedArguments() {
		assertThat(onlyResult("{\"id\": \"1\", \"name\": \"add\", \"arguments\": {\"a\": 2, \"b\": 3}}"))
			.isEqualTo("5");
	}

	@Test
	void readsFlattenedParameters() {
		assertThat(onlyResult("{\"id\": \"1\", \"name\": \"add\", \"parameters\": \"{\\\"a\\\": 3, \\\"b\\\": 3}\"}"))
			.isEqualTo("6");
	}

	@Test
	void fallsBackToToolWithToolCallListWhenToolCallListIsMissing() {
		ToolCallsReply reply = this.handler.handle(read("""
				{"message": {"type": "tool-calls", "toolWithToolCallList": [
				  {"type": "function", "function": {"name": "add"},
				   "toolCall": {"id": "nested", "function": {"name": "add", "arguments": {"a": 1, "b": 6}}}}]}}
				"""));
		assertThat(reply.results()).containsExactly(ToolCallResult.success("add", "nested", "7"));
	}

	@Test
	void fallsBackToToolCallsWhenNothingElseHasCalls() {
		ToolCallsReply reply = this.handler.handle(
				read("""
						{"message": {"type": "tool-calls", "toolCallList": [], "toolCalls": [
						  {"id": "copy", "type": "function", "function": {"name": "add", "arguments": "{\\"a\\": 4, \\"b\\": 4}"}}]}}
						"""));
		assertThat(reply.results()).containsExactly(ToolCallResult.success("add", "copy", "8"));
	}

	@Test
	void rendersObjectsAsCompactSingleLineJson() {
		assertThat(handle(call("1", "object", "{}")).results().get(0).result())
			.isEqualTo("{\"text\":\"two\\nlines\",\"count\":2}");
	}

	@Test
	void rendersToolResultWithItsSpokenMessage() {
		ToolCallResult result = handle(call("1", "refuses", "{}")).results().get(0);
		assertThat(result.error()).isEqualTo("Fully booked");
		assertThat(result.message()).isEqualTo(ToolMessage.failed("Sorry, we are fully booked.").asSystemHint());
	}

	@Test
	void awaitsCompletionStages() {
		assertThat(handle(call("1", "later", "{}")).results().get(0).result()).isEqualTo("later");
	}

	@Test
	void voidToolsAnswerDone() {
		assertThat(handle(call("1", "nothing", "{}")).results().get(0).result()).isEqualTo("Done.");
	}

	@Test
	void injectsTheCallContext() {
		ToolCallsReply reply = this.handler.handle(read("""
				{"message": {"type": "tool-calls", "toolCallList": [{"id": "ctx", "function": {"name": "who"}}],
				 "call": {"id": "call-9", "assistantId": "asst-1"}, "customer": {"number": "+15550100"}}}
				"""));
		assertThat(reply.results().get(0).result()).isEqualTo("call-9 ctx +15550100 asst-1 tool-calls");
	}

	@Test
	void repeatedToolCallIdRunsTheToolOnce() {
		ToolCallsReply first = handle(call("same", "counts", "{}"));
		ToolCallsReply second = handle(call("same", "counts", "{}"));
		assertThat(this.tools.counted).hasValue(1);
		assertThat(second).isEqualTo(first);
		assertThat(handle(call("other", "counts", "{}")).results().get(0).result()).isEqualTo("run 2");
	}

	@Test
	void sameToolCallIdInAnotherCallRunsAsACallOfItsOwn() {
		ToolCallsReply booking = handleInCall("call-A", call("tc", "book", BOOKING));
		ToolCallsReply other = handleInCall("call-B", call("tc", "counts", "{}"));
		assertThat(booking.results())
			.containsExactly(ToolCallResult.success("book", "tc", "booked 1 2026-03-02 10:30"));
		assertThat(other.results()).containsExactly(ToolCallResult.success("counts", "tc", "run 1"));
	}

	@Test
	void sameToolCallIdForAnotherToolInTheSameCallIsAnsweredWithAConflictErrorWithoutRunning(CapturedOutput output) {
		handleInCall("call-A", call("tc", "book", BOOKING));
		ToolCallsReply other = handleInCall("call-A", call("tc", "counts", "{}"));
		assertThat(other.results()).containsExactly(ToolCallResult.failure("counts", "tc", CONFLICT));
		assertThat(this.tools.counted).hasValue(0);
		assertThat(this.meters.get("vapi.tools.idempotency.conflicts").counter().count()).isEqualTo(1);
		assertThat(output)
			.contains("Tool call tc was already used for another tool or other arguments; " + "counts was not run");
	}

	@Test
	void sameToolCallIdWithOtherArgumentsInTheSameCallIsAConflictLoggedWithoutArgumentValues(CapturedOutput output) {
		handleInCall("call-A", call("tc", "book", BOOKING));
		ToolCallsReply other = handleInCall("call-A",
				call("tc", "book", "{\"date\": \"2026-03-09\", \"time\": \"16:45\"}"));
		assertThat(other.results()).containsExactly(ToolCallResult.failure("book", "tc", CONFLICT));
		assertThat(this.tools.booked).hasValue(1);
		assertThat(output).contains("Tool call tc was already used")
			.doesNotContain("2026-03-09")
			.doesNotContain("16:45");
	}

	@Test
	void sameArgumentsInAnotherPropertyOrderOrAsAJsonStringGetTheFirstResult() {
		ToolCallsReply first = handleInCall("call-A", call("tc", "book", BOOKING));
		ToolCallsReply reordered = handleInCall("call-A", call("tc", "book", BOOKING_REORDERED));
		ToolCallsReply asString = handleInCall("call-A",
				call("tc", "book", "\"{\\\"time\\\":\\\"10:30\\\",\\\"date\\\":\\\"2026-03-02\\\"}\""));
		assertThat(reordered).isEqualTo(first);
		assertThat(asString).isEqualTo(first);
		assertThat(this.tools.booked).hasValue(1);
	}

	@Test
	void repeatedToolCallIdInOneMessageIsARetryOfTheFirstCall() {
		ToolCallsReply reply = handleInCall("call-A", call("tc", "book", BOOKING),
				call("tc", "book", BOOKING_REORDERED), call("tc", "counts", "{}"));
		ToolCallResult booked = ToolCallResult.success("book", "tc", "booked 1 2026-03-02 10:30");
		assertThat(reply.results()).containsExactly(booked, booked, ToolCallResult.failure("counts", "tc", CONFLICT));
		assertThat(this.tools.booked).hasValue(1);
		assertThat(this.tools.counted).hasValue(0);
	}

	@Test
	void argumentsThatAreNotAnObjectAreNotRemembered() {
		handleInCall("call-A", call("tc", "book", "\"{not json\""));
		ToolCallsReply corrected = handleInCall("call-A", call("tc", "book", BOOKING));
		assertThat(corrected.results())
			.containsExactly(ToolCallResult.success("book", "tc", "booked 1 2026-03-02 10:30"));
	}

	@Test
	void callsPastTheLimitAreAnsweredWithAnErrorInRequestOrderWithoutRunning(CapturedOutput output) {
		String[] calls = IntStream.rangeClosed(1, 129)
			.mapToObj((i) -> call("c" + i, "counts", "{}"))
			.toArray(String[]::new);
		ToolCallsReply reply = handle(calls);
		assertThat(reply.results()).extracting(ToolCallResult::toolCallId)
			.containsExactlyElementsOf(IntStream.rangeClosed(1, 129).mapToObj((i) -> "c" + i).toList());
		assertThat(reply.results().subList(0, 128))
			.allSatisfy((result) -> assertThat(result.result()).startsWith("run "));
		assertThat(reply.results().get(128)).isEqualTo(ToolCallResult.failure("counts", "c129", TOO_MANY));
		assertThat(this.tools.counted).hasValue(128);
		assertThat(this.meters.get("vapi.tools.refused").counter().count()).isEqualTo(1);
		assertThat(output)
			.containsOnlyOnce("Refused 1 of the 129 tool calls of this message: at most 128 run per message");
	}

	@Test
	void everyCallPastTheLimitGetsItsOwnErrorWhateverItsTool() {
		ToolCallsHandler strict = new ToolCallsHandler(this.runner, "Accepted.", 1, new ToolMetrics(this.meters));
		ToolCallsReply reply = strict
			.handle(message(call("1", "counts", "{}"), call("2", "made_up", "{}"), call("3", "book", BOOKING)));
		assertThat(reply.results()).containsExactly(ToolCallResult.success("counts", "1", "run 1"),
				ToolCallResult.failure("made_up", "2", TOO_MANY), ToolCallResult.failure("book", "3", TOO_MANY));
		assertThat(this.tools.booked).hasValue(0);
		assertThat(this.meters.get("vapi.tools.refused").counter().count()).isEqualTo(2);
	}

	@Test
	void duplicateArrivingWhileTheFirstRunsWaitsForTheSameRun() throws InterruptedException {
		CompletableFuture<ToolCallResult> first = this.runner.run(toolCall("same", "gated"),
				read(call("x", "x", "{}")));
		assertThat(this.tools.gateEntered.await(5, TimeUnit.SECONDS)).isTrue();
		CompletableFuture<ToolCallResult> duplicate = this.runner.run(toolCall("same", "gated"),
				read(call("x", "x", "{}")));
		assertThat(duplicate).isNotDone();
		this.tools.gate.countDown();
		assertThat(first.join()).isEqualTo(duplicate.join());
		assertThat(first.join().result()).isEqualTo("gated 1");
		assertThat(this.tools.gated).hasValue(1);
	}

	@Test
	void asyncToolsAreAcknowledgedAtOnceAndRunInTheBackground() throws InterruptedException {
		ToolCallsReply reply = this.handler.handle(read("""
				{"message": {"type": "tool-calls",
				 "toolCallList": [{"id": "bg", "function": {"name": "background", "arguments": {}}}],
				 "toolWithToolCallList": [{"type": "function", "async": true,
				   "toolCall": {"id": "bg", "function": {"name": "background", "arguments": {}}}}]}}
				"""));
		assertThat(reply.results()).containsExactly(ToolCallResult.success("background", "bg", "Accepted."));
		assertThat(this.tools.backgroundDone.getCount()).isEqualTo(1);
		this.tools.release.countDown();
		assertThat(this.tools.backgroundDone.await(5, TimeUnit.SECONDS)).isTrue();
	}

	@Test
	void asyncCallOfAnUnknownToolAnswersTheError() {
		ToolCallsReply reply = this.handler.handle(read("""
				{"message": {"type": "tool-calls",
				 "toolCallList": [{"id": "bg", "function": {"name": "made_up", "arguments": {}}}],
				 "toolWithToolCallList": [{"type": "function", "async": true,
				   "toolCall": {"id": "bg", "function": {"name": "made_up", "arguments": {}}}}]}}
				"""));
		assertThat(reply.results().get(0).error()).isEqualTo("No tool named made_up exists on this server.");
	}

	@Test
	void legacyFunctionCallGoesToTheSameToolsAndAnswersResult() {
		FunctionCallHandler functions = new FunctionCallHandler(this.runner);
		FunctionCallMessage message = (FunctionCallMessage) new ServerMessageReader()
			.read("""
					{"message": {"type": "function-call", "functionCall": {"name": "add", "parameters": {"a": 20, "b": 22}}}}
					"""
				.getBytes(StandardCharsets.UTF_8));
		assertThat(functions.handle(message).result()).isEqualTo("42");
	}

	@Test
	void legacyFunctionCallFailureAnswersTheErrorAsResult() {
		FunctionCallHandler functions = new FunctionCallHandler(this.runner);
		FunctionCallMessage message = (FunctionCallMessage) new ServerMessageReader().read("""
				{"message": {"type": "function-call", "functionCall": {"name": "add", "parameters": "{\\"a\\": 1}"}}}
				""".getBytes(StandardCharsets.UTF_8));
		assertThat(functions.handle(message).result()).isEqualTo("Missing required argument 'b' (expected an integer)");
	}

	private ToolCallRunner runner(Duration timeout) {
		ToolMethodFactory factory = new ToolMethodFactory(new ToolSchemaGenerator(this.mapper),
				java.time.Duration.ofSeconds(18));
		ToolRegistry registry = new ToolRegistry(factory.toolsOf("latchTools", this.tools, LatchTools.class));
		return new ToolCallRunner(registry, new ToolArguments(this.mapper), new ArgumentConverter(this.mapper),
				new ToolResultRenderer(this.mapper), this.store, this.executor, timeout, new ToolMetrics(this.meters));
	}

	private String onlyResult(String toolCall) {
		ToolCallsReply reply = handle(toolCall);
		assertThat(reply.results()).hasSize(1);
		assertThat(reply.results().get(0).toolCallId()).isEqualTo("1");
		return reply.results().get(0).result();
	}

	private ToolCallsReply handle(String... calls) {
		return this.handler.handle(message(calls));
	}

	private ToolCallsReply handleInCall(String callId, String... calls) {
		return this.handler.handle(read("{\"message\": {\"type\": \"tool-calls\", \"call\": {\"id\": \"" + callId
				+ "\"}, \"toolCallList\": [" + String.join(",", calls) + "]}}"));
	}

	private ToolCallsMessage message(String... calls) {
		return read("{\"message\": {\"type\": \"tool-calls\", \"toolCallList\": [" + String.join(",", calls) + "]}}");
	}

	private ToolCallsMessage read(String json) {
		if (!json.trim().startsWith("{\"message\"")) {
			return message(json);
		}
		return (ToolCallsMessage) new ServerMessageReader().read(json.getBytes(StandardCharsets.UTF_8));
	}

	private static String call(String id, String name, String arguments) {
		return "{\"id\": \"" + id + "\", \"type\": \"function\", \"function\": {\"name\": \"" + name
				+ "\", \"arguments\": " + arguments + "}}";
	}

	private static ToolCall toolCall(String id, String name) {
		return new ToolCall(id, "function", new ToolCall.Function(name, null, null), null, null, null);
	}

	static class LatchTools {

		final CountDownLatch meeting = new CountDownLatch(2);

		final CountDownLatch release = new CountDownLatch(1);

		final CountDownLatch firstMayFinish = new CountDownLatch(1);

		final List<String> finishOrder = new java.util.concurrent.CopyOnWriteArrayList<>();

		final AtomicInteger counted = new AtomicInteger();

		final AtomicInteger gated = new AtomicInteger();

		final AtomicInteger booked = new AtomicInteger();

		final CountDownLatch gateEntered = new CountDownLatch(1);

		final CountDownLatch gate = new CountDownLatch(1);

		final CountDownLatch backgroundDone = new CountDownLatch(1);

		@VapiTool(name = "meet")
		String meet() throws InterruptedException {
			this.meeting.countDown();
			return this.meeting.await(5, TimeUnit.SECONDS) ? "met" : "alone";
		}

		@VapiTool(name = "finishes_last")
		String finishesLast() throws InterruptedException {
			this.firstMayFinish.await(5, TimeUnit.SECONDS);
			this.finishOrder.add("last");
			return "last";
		}

		@VapiTool(name = "finishes_first")
		String finishesFirst() {
			this.finishOrder.add("first");
			this.firstMayFinish.countDown();
			return "first";
		}

		@VapiTool(name = "blocks", timeout = "200ms")
		String blocks() throws InterruptedException {
			this.release.await(30, TimeUnit.SECONDS);
			return "released";
		}

		@VapiTool(name = "waits")
		String waits() throws InterruptedException {
			this.release.await(30, TimeUnit.SECONDS);
			return "released";
		}

		@VapiTool(name = "fails")
		String fails() {
			throw new IllegalStateException("database password is hunter2");
		}

		@VapiTool(name = "echo")
		String echo(String text) {
			return text;
		}

		@VapiTool(name = "add")
		int add(@ToolParam(description = "first") int a, int b) {
			return a + b;
		}

		@VapiTool(name = "object")
		Object object() {
			return new Shown("two\nlines", 2);
		}

		@VapiTool(name = "refuses")
		ToolResult refuses() {
			return ToolResult.error("Fully booked")
				.withMessage(ToolMessage.failed("Sorry, we are fully booked.").asSystemHint());
		}

		@VapiTool(name = "later")
		CompletableFuture<String> later() {
			return CompletableFuture.supplyAsync(() -> "later");
		}

		@VapiTool(name = "nothing")
		void nothing() {
		}

		@VapiTool(name = "who")
		String who(ToolCallContext context) {
			return context.callId() + " " + context.toolCallId() + " " + context.customerNumber() + " "
					+ context.assistantId() + " " + context.message().type();
		}

		@VapiTool(name = "counts")
		String counts() {
			return "run " + this.counted.incrementAndGet();
		}

		@VapiTool(name = "book")
		String book(String date, String time) {
			return "booked " + this.booked.incrementAndGet() + " " + date + " " + time;
		}

		@VapiTool(name = "gated")
		String gated() throws InterruptedException {
			this.gateEntered.countDown();
			this.gate.await(5, TimeUnit.SECONDS);
			return "gated " + this.gated.incrementAndGet();
		}

		@VapiTool(name = "background")
		String background() throws InterruptedException {
			this.release.await(5, TimeUnit.SECONDS);
			this.backgroundDone.countDown();
			return "done";
		}

		record Shown(String text, int count) {
		}

	}

}

package io.github.vapiwebhook.message;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.NullNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ServerMessageReaderTests {

	private static final String CALL_ID = "c6f1e0a2-84b7-4d2e-b9a3-0f5d7c2e91aa";

	private final ServerMessageReader reader = new ServerMessageReader();

	static Stream<Arguments> fixtures() {
		return Stream.of(fixture("assistant-request", AssistantRequestMessage.class, (m) -> {
			assertThat(m.call().status()).isEqualTo("ringing");
			assertThat(m.customer().number()).isEqualTo("+14155550123");
			assertThat(m.assistant()).isNull();
		}), fixture("tool-calls", ToolCallsMessage.class, (m) -> {
			assertThat(m.calls()).extracting(ToolCall::id)
				.containsExactly("call_9rUj3bX2kQ1", "call_9rUj3bX2kQ2", "call_9rUj3bX2kQ3", "call_9rUj3bX2kQ4");
			assertThat(m.calls()).extracting(ToolCall::toolName)
				.containsExactly("check_availability", "lookup_patient", "get_office_hours", "send_confirmation_sms");
			assertThat(m.toolWithToolCallList()).extracting(ToolWithToolCall::isAsync)
				.containsExactly(false, false, false, true);
			assertThat(m.timestamp()).isEqualTo(Instant.parse("2025-11-26T17:40:11.050Z"));
		}), fixture("function-call", FunctionCallMessage.class, (m) -> {
			assertThat(m.functionCall().name()).isEqualTo("check_availability");
			assertThat(m.functionCall().parameters().get("timeOfDay").asString()).isEqualTo("afternoon");
		}), fixture("transfer-destination-request", TransferDestinationRequestMessage.class,
				(m) -> assertThat(m.callId()).isEqualTo(CALL_ID)),
				fixture("handoff-destination-request", HandoffDestinationRequestMessage.class,
						(m) -> assertThat(m.parameters().get("destination").asString()).isEqualTo("billing")),
				fixture("knowledge-base-request", KnowledgeBaseRequestMessage.class, (m) -> {
					assertThat(m.messages()).extracting(ConversationMessage::role)
						.containsExactly("system", "bot", "user");
					assertThat(m.messagesOpenAIFormatted()).last()
						.extracting(OpenAiMessage::text)
						.isEqualTo("Hi, I'd like to move my cleaning appointment to next week.");
				}), fixture("voice-request", VoiceRequestMessage.class, (m) -> {
					assertThat(m.text()).isEqualTo("Your appointment is now on Wednesday at nine.");
					assertThat(m.sampleRate()).isEqualTo(24000);
				}),
				fixture("call.endpointing.request", CallEndpointingRequestMessage.class,
						(m) -> assertThat(m.messagesOpenAIFormatted()).hasSize(3)),
				fixture("campaign.predial", CampaignPredialMessage.class, (m) -> {
					assertThat(m.campaignId()).isEqualTo("0d2e4f6a-8b1c-4d3e-9f5a-7b6c5d4e3f21");
					assertThat(m.contact().number()).isEqualTo("+14155550188");
					assertThat(m.contact().assistantOverrides().at("/variableValues/firstName").asString())
						.isEqualTo("Morgan");
					assertThat(m.call()).isNull();
				}), fixture("status-update", StatusUpdateMessage.class, (m) -> {
					assertThat(m.status()).isEqualTo("ended");
					assertThat(m.endedReason())
						.isEqualTo("call.in-progress.error-providerfault-brand-new-provider-failed");
				}), fixture("end-of-call-report", EndOfCallReportMessage.class, (m) -> {
					assertThat(m.endedReason()).isEqualTo("customer-ended-call");
					assertThat(m.cost()).isEqualByComparingTo(new BigDecimal("0.834"));
					assertThat(m.costs()).extracting(CostItem::type)
						.containsExactly("transport", "transcriber", "model", "voice", "vapi", "analysis", "analysis");
					assertThat(m.analysis().successEvaluation()).isEqualTo("true");
					assertThat(m.analysis().structuredData().get("intent").asString()).isEqualTo("reschedule");
					assertThat(m.artifact().messages()).hasSizeGreaterThan(60);
					assertThat(m.artifact().recording().mono().customerUrl()).endsWith("-customer.wav");
					assertThat(m.fullTranscript()).startsWith("User: Hi, I'd like to move");
					assertThat(m.duration()).isEqualTo(Duration.ofMillis(472_780));
					assertThat(m.call().costBreakdown().total()).isEqualByComparingTo(new BigDecimal("0.834"));
				}),
				fixture("conversation-update", ConversationUpdateMessage.class,
						(m) -> assertThat(m.messages()).hasSize(3)),
				fixture("transcript", TranscriptMessage.class, (m) -> {
					assertThat(m.isFinal()).isFalse();
					assertThat(m.role()).isEqualTo("user");
				}), fixture("transcript-final", TranscriptMessage.class, (m) -> {
					assertThat(m.type()).isEqualTo("transcript[transcriptType=\"final\"]");
					assertThat(m.isFinal()).isTrue();
					assertThat(m.transcript()).isEqualTo("Hi, I'd like to move my cleaning appointment to next week.");
				}), fixture("speech-update", SpeechUpdateMessage.class, (m) -> {
					assertThat(m.status()).isEqualTo("started");
					assertThat(m.role()).isEqualTo("assistant");
					assertThat(m.turn()).isZero();
				}), fixture("model-output", ModelOutputMessage.class, (m) -> {
					assertThat(m.turnId()).isEqualTo("turn-3f9a");
					assertThat(m.output().get("content").asString()).isEqualTo("Sure, let me");
				}),
				fixture("user-interrupted", UserInterruptedMessage.class,
						(m) -> assertThat(m.turnId()).isEqualTo("turn-3f9a")),
				fixture("hang", HangMessage.class, (m) -> assertThat(m.callId()).isEqualTo(CALL_ID)),
				fixture("transfer-update", TransferUpdateMessage.class, (m) -> {
					assertThat(m.destination().type()).isEqualTo("number");
					assertThat(m.destination().number()).isEqualTo("+15105550142");
				}), fixture("phone-call-control", PhoneCallControlMessage.class, (m) -> {
					assertThat(m.request()).isEqualTo("forward");
					assertThat(m.destination().sipUri()).isEqualTo("sip:billing@pbx.riversidedental.example");
				}),
				fixture("language-change-detected", LanguageChangeDetectedMessage.class,
						(m) -> assertThat(m.language()).isEqualTo("es")),
				fixture("language-changed", LanguageChangedMessage.class,
						(m) -> assertThat(m.language()).isEqualTo("es")),
				fixture("voice-input", VoiceInputMessage.class,
						(m) -> assertThat(m.input()).isEqualTo("Let me check Dr. Okafor's calendar for you.")),
				fixture("assistant.speechStarted", AssistantSpeechStartedMessage.class, (m) -> {
					assertThat(m.turn()).isEqualTo(2);
					assertThat(m.source()).isEqualTo("model");
					assertThat(m.timing().get("type").asString()).isEqualTo("word-progress");
				}),
				fixture("assistant.started", AssistantStartedMessage.class,
						(m) -> assertThat(m.newAssistant().get("name").asString()).isEqualTo("Billing Specialist")),
				fixture("chat.created", ChatCreatedMessage.class, (m) -> {
					assertThat(m.chat().id()).isEqualTo("7a6b5c4d-3e2f-4a1b-9c8d-7e6f5a4b3c2d");
					assertThat(m.call()).isNull();
					assertThat(m.callId()).isNull();
				}),
				fixture("chat.deleted", ChatDeletedMessage.class,
						(m) -> assertThat(m.chat().name()).isEqualTo("Website chat")),
				fixture("session.created", SessionCreatedMessage.class,
						(m) -> assertThat(m.session().status()).isEqualTo("active")),
				fixture("session.updated", SessionUpdatedMessage.class, (m) -> {
					assertThat(m.session().id()).isEqualTo("f0e1d2c3-b4a5-4697-8877-665544332211");
					assertThat(m.timestamp()).isEqualTo(Instant.ofEpochMilli(1764178950000L));
				}),
				fixture("session.deleted", SessionDeletedMessage.class,
						(m) -> assertThat(m.session().status()).isEqualTo("completed")),
				fixture("call.deleted", CallDeletedMessage.class, (m) -> assertThat(m.callId()).isEqualTo(CALL_ID)),
				fixture("call.delete.failed", CallDeleteFailedMessage.class,
						(m) -> assertThat(m.call().status()).isEqualTo("deletion-failed")),
				fixture("call.artifact.upload", CallArtifactUploadMessage.class,
						(m) -> assertThat(m.artifacts()).extracting(CallArtifactUploadMessage.Upload::type)
							.containsExactly("recording-mono", "recording-stereo", "log", "end-of-call-report")));
	}

	private static <M extends ServerMessage> Arguments fixture(String name, Class<M> type, Consumer<M> check) {
		return Arguments.of(name, type, check);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("fixtures")
	<M extends ServerMessage> void readsEveryFixtureIntoItsRecord(String name, Class<M> type, Consumer<M> check) {
		ServerMessage message = this.reader.read(fixtureBytes(name));
		assertThat(message).isInstanceOf(type);
		assertThat(message.type()).isNotBlank();
		assertThat(message.timestamp()).isNotNull();
		check.accept(type.cast(message));
	}

	@Test
	void fixturesCoverEveryKnownTypeString() {
		List<String> names = fixtures().map((arguments) -> (String) arguments.get()[0]).toList();
		assertThat(this.reader.knownTypes()).hasSize(33)
			.allSatisfy(
					(type) -> assertThat(names).contains(type.startsWith("transcript[") ? "transcript-final" : type));
	}

	@Test
	void readsTheCommonFields() {
		ServerMessage message = this.reader.read(fixtureBytes("tool-calls"));
		assertThat(message.callId()).isEqualTo(CALL_ID);
		assertThat(message.call().createdAt()).isEqualTo(Instant.parse("2025-11-26T17:40:00Z"));
		assertThat(message.call().monitor().controlUrl()).endsWith("/control");
		assertThat(message.customer().email()).isEqualTo("dana.whitfield@example.com");
		assertThat(message.context().phoneNumber().provider()).isEqualTo("twilio");
		assertThat(message.assistant().get("name").asString()).isEqualTo("Riverside Dental Receptionist");
		assertThat(message.artifact().transcript()).startsWith("AI: Thanks for calling");
		assertThat(message.context().assistantVersion()).isNull();
	}

	@Test
	void keepsEveryArgumentShapeOfToolCalls() {
		ToolCallsMessage message = (ToolCallsMessage) this.reader.read(fixtureBytes("tool-calls"));
		List<ToolCall> calls = message.calls();
		assertThat(calls.get(0).rawArguments().isObject()).isTrue();
		assertThat(calls.get(0).rawArguments().get("provider").asString()).isEqualTo("Dr. Okafor");
		assertThat(calls.get(1).rawArguments().isString()).isTrue();
		assertThat(calls.get(1).rawArguments().asString()).contains("\"dateOfBirth\":\"1988-04-17\"");
		assertThat(calls.get(2).rawArguments().asString()).isEmpty();
		assertThat(calls.get(3).function()).isNull();
		assertThat(calls.get(3).rawArguments().get("template").asString()).isEqualTo("reschedule");
	}

	@Test
	void fallsBackToNestedToolCallsWhenToolCallListIsMissing() {
		ToolCallsMessage message = (ToolCallsMessage) read("""
				{"message":{"type":"tool-calls","toolWithToolCallList":[{"type":"function","toolCall":
				{"id":"t1","function":{"name":"a","parameters":{"x":1}}}}]}}""");
		assertThat(message.calls()).extracting(ToolCall::id).containsExactly("t1");
		assertThat(message.calls().get(0).rawArguments().get("x").asInt()).isEqualTo(1);
	}

	@Test
	void fallsBackToUndocumentedToolCalls() {
		ToolCallsMessage message = (ToolCallsMessage) read("""
				{"message":{"type":"tool-calls","toolCalls":[{"id":"t9","name":"b","parameters":{"y":2}}]}}""");
		assertThat(message.calls()).extracting(ToolCall::toolName).containsExactly("b");
	}

	@Test
	void unknownTypeBecomesUnknownMessageWithRawJson() {
		ServerMessage message = this.reader.read(fixtureBytes("unknown-type"));
		assertThat(message).isInstanceOf(UnknownMessage.class);
		UnknownMessage unknown = (UnknownMessage) message;
		assertThat(unknown.type()).isEqualTo("call.hologram.requested");
		assertThat(unknown.raw().at("/hologram/resolution").asString()).isEqualTo("8k");
		assertThat(unknown.callId()).isEqualTo(CALL_ID);
	}

	@Test
	void ignoresUnknownFieldsEverywhere() {
		ServerMessage message = read("""
				{"message":{"type":"speech-update","status":"stopped","role":"user","brandNew":{"a":[1,2]},
				"call":{"id":"c1","futureField":true,"monitor":{"listenUrl":"wss://x","newUrl":"y"}},
				"customer":{"number":"+15550001111","loyaltyTier":"gold"}},"envelopeExtra":1}""");
		assertThat(message).isInstanceOf(SpeechUpdateMessage.class);
		assertThat(message.callId()).isEqualTo("c1");
		assertThat(message.customer().number()).isEqualTo("+15550001111");
	}

	@Test
	void readsTimestampAsEpochMillis() {
		assertThat(read("{\"message\":{\"type\":\"hang\",\"timestamp\":1727030665008}}").timestamp())
			.isEqualTo(Instant.parse("2024-09-22T18:44:25.008Z"));
	}

	@Test
	void readsTimestampAsFractionalEpochMillis() {
		assertThat(read("{\"message\":{\"type\":\"hang\",\"timestamp\":1727030665008.5}}").timestamp())
			.isEqualTo(Instant.parse("2024-09-22T18:44:25.008500Z"));
	}

	@Test
	void readsTimestampAsIsoString() {
		assertThat(read("{\"message\":{\"type\":\"hang\",\"timestamp\":\"2024-07-27T21:24:05.712Z\"}}").timestamp())
			.isEqualTo(Instant.parse("2024-07-27T21:24:05.712Z"));
	}

	@Test
	void readsTimestampAsIsoStringWithOffset() {
		assertThat(
				read("{\"message\":{\"type\":\"hang\",\"timestamp\":\"2024-07-27T14:24:05.712-07:00\"}}").timestamp())
			.isEqualTo(Instant.parse("2024-07-27T21:24:05.712Z"));
	}

	@Test
	void readsTimestampAsNumericString() {
		assertThat(read("{\"message\":{\"type\":\"hang\",\"timestamp\":\"1727030665008\"}}").timestamp())
			.isEqualTo(Instant.parse("2024-09-22T18:44:25.008Z"));
	}

	@Test
	void readsMissingOrNullTimestampAsNull() {
		assertThat(read("{\"message\":{\"type\":\"hang\"}}").timestamp()).isNull();
		assertThat(read("{\"message\":{\"type\":\"hang\",\"timestamp\":null}}").timestamp()).isNull();
	}

	@Test
	void refusesRequestWithTimestampThatIsNeitherMillisNorIso() {
		assertThatExceptionOfType(InvalidMessageException.class)
			.isThrownBy(() -> read("{\"message\":{\"type\":\"assistant-request\",\"timestamp\":\"yesterday\"}}"))
			.withMessageContaining("message.timestamp");
	}

	@Test
	void readsEventWithTimestampThatIsNeitherMillisNorIsoWithoutIt() {
		ServerMessage message = read(
				"{\"message\":{\"type\":\"hang\",\"timestamp\":\"yesterday\",\"call\":{\"id\":\"c-1\"}}}");
		assertThat(message).isInstanceOf(HangMessage.class);
		assertThat(message.timestamp()).isNull();
		assertThat(message.callId()).isEqualTo("c-1");
		assertThat(message.droppedFields()).containsExactly("message.timestamp");
	}

	@Test
	void keepsNewEndedReasonAndStatusValues() {
		StatusUpdateMessage message = (StatusUpdateMessage) read(
				"""
						{"message":{"type":"status-update","status":"teleporting","endedReason":"call.in-progress.error-vapifault-quantum-foam"}}""");
		assertThat(message.status()).isEqualTo("teleporting");
		assertThat(message.endedReason()).isEqualTo("call.in-progress.error-vapifault-quantum-foam");
		EndOfCallReportMessage report = (EndOfCallReportMessage) read(
				"""
						{"message":{"type":"end-of-call-report","endedReason":"brand-new-reason-2027","call":{"status":"archived"}}}""");
		assertThat(report.endedReason()).isEqualTo("brand-new-reason-2027");
		assertThat(report.call().status()).isEqualTo("archived");
		assertThat(report.analysis()).isEqualTo(Analysis.EMPTY);
	}

	@ParameterizedTest
	@ValueSource(strings = { "true", "8", "\"Pass\"" })
	void readsSuccessEvaluationOfAnyScalarShapeAsText(String value) {
		EndOfCallReportMessage report = (EndOfCallReportMessage) read(
				"{\"message\":{\"type\":\"end-of-call-report\",\"endedReason\":\"customer-ended-call\","
						+ "\"analysis\":{\"successEvaluation\":" + value + "}}}");
		assertThat(report.analysis().successEvaluation()).isEqualTo(value.replace("\"", ""));
	}

	@Test
	void rejectsMalformedJson() {
		assertThatExceptionOfType(InvalidMessageException.class).isThrownBy(() -> read("{\"message\": {\"type\": "))
			.withMessageContaining("not valid JSON");
	}

	@Test
	void rejectsTrailingGarbageAfterTheObject() {
		assertThatExceptionOfType(InvalidMessageException.class)
			.isThrownBy(() -> read("{\"message\":{\"type\":\"hang\"}} }"))
			.withMessageContaining("not valid JSON");
	}

	@Test
	void rejectsEmptyBody() {
		assertThatExceptionOfType(InvalidMessageException.class).isThrownBy(() -> read(""))
			.withMessageContaining("JSON object");
	}

	@ParameterizedTest
	@ValueSource(strings = { "[]", "\"message\"", "42", "null", "true" })
	void rejectsBodyThatIsNotAnObject(String body) {
		assertThatExceptionOfType(InvalidMessageException.class).isThrownBy(() -> read(body))
			.withMessage("Request body must be a JSON object");
	}

	@Test
	void rejectsBodyWithoutMessage() {
		assertThatExceptionOfType(InvalidMessageException.class).isThrownBy(() -> read("{\"type\":\"hang\"}"))
			.withMessage("Request body has no 'message' object");
	}

	@ParameterizedTest
	@ValueSource(strings = { "\"hang\"", "[]", "null", "1" })
	void rejectsMessageThatIsNotAnObject(String message) {
		assertThatExceptionOfType(InvalidMessageException.class).isThrownBy(() -> read("{\"message\":" + message + "}"))
			.withMessage("Request body has no 'message' object");
	}

	@ParameterizedTest
	@ValueSource(strings = { "{}", "{\"type\":null}", "{\"type\":\"\"}", "{\"type\":\"  \"}", "{\"type\":42}",
			"{\"type\":{\"name\":\"hang\"}}", "{\"type\":[\"hang\"]}" })
	void rejectsMessageWithoutStringType(String message) {
		assertThatExceptionOfType(InvalidMessageException.class).isThrownBy(() -> read("{\"message\":" + message + "}"))
			.withMessage("'message.type' is missing or not a string");
	}

	@Test
	void wrongShapeOfATypedFieldNamesTheField() {
		assertThatExceptionOfType(InvalidMessageException.class)
			.isThrownBy(() -> read("{\"message\":{\"type\":\"tool-calls\",\"toolCallList\":\"oops\"}}"))
			.withMessageContaining("message.toolCallList");
	}

	@Test
	void wrongShapeOfANestedFieldNamesItsPath() {
		assertThatExceptionOfType(InvalidMessageException.class)
			.isThrownBy(() -> read("{\"message\":{\"type\":\"tool-calls\",\"toolCallList\":[{\"id\":\"a\"},"
					+ "{\"id\":\"b\",\"function\":\"oops\"}]}}"))
			.withMessageContaining("message.toolCallList[1].function");
	}

	@Test
	void wrongShapeOfACommonFieldOfARequestNamesTheField() {
		assertThatExceptionOfType(InvalidMessageException.class)
			.isThrownBy(() -> read("{\"message\":{\"type\":\"assistant-request\",\"call\":\"c-1\"}}"))
			.withMessageContaining("message.call");
	}

	@Test
	void readsEventWithCallAsAPlaceholderStringWithoutTheCall() {
		EndOfCallReportMessage report = (EndOfCallReportMessage) read(
				"{\"message\":{\"type\":\"end-of-call-report\",\"call\":\"{{call}}\",\"endedReason\":\"hangup\"}}");
		assertThat(report.call()).isNull();
		assertThat(report.endedReason()).isEqualTo("hangup");
		assertThat(report.droppedFields()).containsExactly("message.call");
	}

	@Test
	void refusesRequestWithoutItsRequiredField() {
		assertThatExceptionOfType(InvalidMessageException.class)
			.isThrownBy(() -> read("{\"message\":{\"type\":\"function-call\"}}"))
			.withMessageContaining("function-call has no functionCall");
	}

	@Test
	void readsEventWithoutItsRequiredFieldWithoutIt() {
		StatusUpdateMessage update = (StatusUpdateMessage) read(
				"{\"message\":{\"type\":\"status-update\",\"call\":{\"id\":\"c-1\"}}}");
		assertThat(update.status()).isNull();
		assertThat(update.callId()).isEqualTo("c-1");
		assertThat(update.droppedFields()).containsExactly("message.status");
		EndOfCallReportMessage report = (EndOfCallReportMessage) read(
				"{\"message\":{\"type\":\"end-of-call-report\",\"endedReason\":null}}");
		assertThat(report.endedReason()).isNull();
		assertThat(report.droppedFields()).containsExactly("message.endedReason");
	}

	@Test
	void readsEndOfCallReportWithOnlyStructuredData() {
		String message = "{\"type\":\"end-of-call-report\",\"analysis\":{\"structuredData\":{\"booked\":true}}}";
		EndOfCallReportMessage report = (EndOfCallReportMessage) read("{\"message\":" + message + "}");
		assertThat(report.analysis().structuredData().get("booked").asBoolean()).isTrue();
		assertThat(report.endedReason()).isNull();
		assertThat(report.droppedFields()).containsExactly("message.endedReason");
		assertThat(report.context().dropped().raw()).hasToString(message);
	}

	@ParameterizedTest
	@MethodSource("wrongShapesInEvents")
	void readsEventWithAFieldOfTheWrongShapeWithoutThatField(String json, String path) {
		assertThat(read(json).droppedFields()).containsExactly(path);
	}

	@ParameterizedTest
	@MethodSource("wrongShapesInEvents")
	void readsEventWithAFieldOfTheWrongShapeAsAMapperReadsItsMessage(String json, String path) {
		// the reader reads such a body twice, the second time as a mapper reads it
		JsonMapper mapper = JsonMapper.builder().build();
		ServerMessage fromMapper = mapper.treeToValue(mapper.readTree(json).get("message"), ServerMessage.class);
		assertThat(read(json)).isEqualTo(fromMapper);
		assertThat(fromMapper.droppedFields()).containsExactly(path);
	}

	static Stream<Arguments> wrongShapesInEvents() {
		return Stream.of(
				Arguments.of("{\"message\":{\"type\":\"speech-update\",\"turn\":99999999999999999999}}",
						"message.turn"),
				Arguments.of("{\"message\":{\"type\":\"voice-request\",\"sampleRate\":1e12}}", "message.sampleRate"),
				Arguments.of("{\"message\":{\"type\":\"status-update\",\"status\":\"ended\","
						+ "\"messages\":[{\"role\":\"bot\",\"time\":\"soon\"}]}}", "message.messages[0].time"),
				Arguments.of(
						"{\"message\":{\"type\":\"end-of-call-report\",\"endedReason\":\"x\","
								+ "\"call\":{\"costBreakdown\":{\"llmPromptTokens\":1e40}}}}",
						"message.call.costBreakdown.llmPromptTokens"),
				Arguments.of("{\"message\":{\"type\":\"hang\",\"call\":{\"createdAt\":\"not a date\"}}}",
						"message.call.createdAt"),
				Arguments.of("{\"message\":{\"type\":\"end-of-call-report\",\"endedReason\":\"x\",\"costs\":\"free\"}}",
						"message.costs"));
	}

	@Test
	void readsTheRestOfAnEventAroundAFieldOfTheWrongShapeDeepInside() {
		EndOfCallReportMessage report = (EndOfCallReportMessage) read("""
				{"message":{"type":"end-of-call-report","endedReason":"hangup","artifact":{"messages":[
				{"role":"bot","message":"Hi","time":1},{"role":"user","message":"Hello","time":2},
				{"role":"bot","message":"Bye","time":{"at":[3]},"endTime":4}],"transcript":"AI: Hi"},"cost":0.5}}""");
		assertThat(report.droppedFields()).containsExactly("message.artifact.messages[2].time");
		assertThat(report.artifact().messages()).extracting(ConversationMessage::time).containsExactly(1.0, 2.0, null);
		assertThat(report.artifact().messages().get(2).endTime()).isEqualTo(4.0);
		assertThat(report.artifact().transcript()).isEqualTo("AI: Hi");
		assertThat(report.cost()).isEqualByComparingTo("0.5");
	}

	@Test
	void readsEventWithNullEntriesInAListWithoutThem() {
		StatusUpdateMessage update = (StatusUpdateMessage) read("{\"message\":{\"type\":\"status-update\","
				+ "\"status\":\"ended\",\"messages\":[null,{\"role\":\"bot\",\"message\":\"Hi\"},null],"
				+ "\"artifact\":{\"messages\":[null]}}}");
		assertThat(update.messages()).extracting(ConversationMessage::message).containsExactly("Hi");
		assertThat(update.artifact().messages()).isEmpty();
		assertThat(update.droppedFields()).containsExactly("message.messages[0]", "message.messages[2]",
				"message.artifact.messages[0]");
	}

	@Test
	void refusesRequestWithANumberOutOfRange() {
		assertThatExceptionOfType(InvalidMessageException.class)
			.isThrownBy(() -> read("{\"message\":{\"type\":\"assistant-request\","
					+ "\"call\":{\"costBreakdown\":{\"llmPromptTokens\":99999999999999999999}}}}"))
			.withMessage("Field 'message.call.costBreakdown.llmPromptTokens' has a value out of range");
	}

	@Test
	void deeplyNestedJsonIsAnInvalidMessage() {
		String nested = "[".repeat(5000) + "]".repeat(5000);
		assertThatExceptionOfType(InvalidMessageException.class)
			.isThrownBy(() -> read("{\"message\":{\"type\":\"hang\",\"x\":" + nested + "}}"));
	}

	@Test
	void invalidUtf8IsAnInvalidMessage() {
		byte[] body = { '{', '"', 'm', '"', ':', (byte) 0xff, (byte) 0xfe, '}' };
		assertThatExceptionOfType(InvalidMessageException.class).isThrownBy(() -> this.reader.read(body));
	}

	@Test
	void nullEntryInAListIsAnInvalidMessage() {
		assertThatExceptionOfType(InvalidMessageException.class)
			.isThrownBy(() -> read("{\"message\":{\"type\":\"tool-calls\",\"toolCallList\":[null]}}"));
	}

	@Test
	void droppedFieldsDoNotEchoTheBody() {
		assertThat(read("{\"message\":{\"type\":\"hang\",\"call\":\"+14155550123\"}}").droppedFields())
			.containsExactly("message.call");
	}

	@Test
	void errorMessagesDoNotEchoTheBody() {
		assertThatExceptionOfType(InvalidMessageException.class)
			.isThrownBy(() -> read("{\"message\":{\"type\":\"assistant-request\",\"call\":\"+14155550123\"}}"))
			.withMessageNotContaining("+14155550123");
	}

	@ParameterizedTest
	@MethodSource("recordedFixtures")
	void readsEveryFixtureIntoTheRecordRecordedForIt(String name, String recorded) {
		String dump = RecordDump.of(this.reader.read(fixtureBytes(name)));
		assertThat(RecordDump.sha256(dump)).as("record of %s: %s", name, dump).isEqualTo(recorded);
	}

	static Stream<Arguments> recordedFixtures() throws IOException {
		try (InputStream in = ServerMessageReaderTests.class.getResourceAsStream("/message-records.sha256")) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
				.filter((line) -> !line.startsWith("#"))
				.map((line) -> line.split("  "))
				.map((hashAndName) -> Arguments.of(hashAndName[1], hashAndName[0]))
				.toList()
				.stream();
		}
	}

	@Test
	void readerWithTheApplicationMapperReadsAsTheDefaultOne() {
		ServerMessageReader withApplicationMapper = new ServerMessageReader(ServerMessageJsonTests.bootMapper());
		ServerMessageJsonTests.fixtureNames()
			.forEach((name) -> assertThat(withApplicationMapper.read(fixtureBytes(name))).as(name)
				.isEqualTo(this.reader.read(fixtureBytes(name))));
	}

	@Test
	void readsTheTypeWhereverItIs() {
		ServerMessage message = read(
				"""
						{"message":{"call":{"id":"call-1"},"timestamp":1764178831000,"status":"ended","type":"status-update"}}""");
		assertThat(message).isEqualTo(
				read("""
						{"message":{"type":"status-update","call":{"id":"call-1"},"timestamp":1764178831000,"status":"ended"}}"""));
		assertThat(message.callId()).isEqualTo("call-1");
	}

	@Test
	void readsARepeatedTypeThatRepeatsTheFirst() {
		assertThat(read("{\"message\":{\"type\":\"hang\",\"type\":\"hang\"}}")).isInstanceOf(HangMessage.class);
	}

	@Test
	void rejectsTwoDifferentTypes() {
		assertThatExceptionOfType(InvalidMessageException.class)
			.isThrownBy(() -> read("{\"message\":{\"type\":\"hang\",\"type\":\"status-update\",\"status\":\"ended\"}}"))
			.withMessage("'message.type' is given twice with different values");
	}

	@Test
	void wrongShapeOfANestedCommonFieldNamesItsPath() {
		assertThatExceptionOfType(InvalidMessageException.class)
			.isThrownBy(() -> read(
					"{\"message\":{\"type\":\"tool-calls\",\"call\":{\"createdAt\":{\"not\":\"an instant\"}},"
							+ "\"toolCallList\":[]}}"))
			.withMessageContaining("message.call.createdAt");
	}

	@Test
	void aCommonFieldOfTheWrongShapeInAnUnknownTypeIsDroppedAndTheMessageKept() {
		ServerMessage message = read(
				"{\"message\":{\"type\":\"call.hologram\",\"call\":\"c-1\",\"timestamp\":1764152142456}}");
		assertThat(message).isInstanceOf(UnknownMessage.class);
		assertThat(message.call()).isNull();
		assertThat(message.timestamp()).isNotNull();
		assertThat(message.droppedFields()).containsExactly("message.call");
		assertThat(((UnknownMessage) message).raw().get("call").asString()).isEqualTo("c-1");
	}

	@Test
	void rejectsASecondJsonValueAfterTheObject() {
		assertThatExceptionOfType(InvalidMessageException.class)
			.isThrownBy(() -> read("{\"message\":{\"type\":\"hang\"}} {\"more\":1}"))
			.withMessage("Request body has content after its JSON object");
	}

	@Test
	void readsExplicitNullsAsJacksonDoes() {
		ServerMessage message = read(
				"{\"message\":{\"type\":\"hang\",\"assistant\":null,\"call\":null,\"timestamp\":null}}");
		assertThat(message.assistant()).isInstanceOf(NullNode.class);
		assertThat(message.call()).isNull();
		assertThat(message.timestamp()).isNull();
	}

	private ServerMessage read(String json) {
		return this.reader.read(json.getBytes(StandardCharsets.UTF_8));
	}

	static byte[] fixtureBytes(String name) {
		try (InputStream in = ServerMessageReaderTests.class.getResourceAsStream("/messages/" + name + ".json")) {
			assertThat(in).as("fixture %s", name).isNotNull();
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Test
	void propertyNamedContextInTheMessageIsIgnored() {
		ServerMessage message = read(
				"{\"message\":{\"type\":\"hang\",\"context\":{\"type\":\"status-update\"},\"call\":{\"id\":\"call-ctx\"}}}");
		assertThat(message).isInstanceOf(HangMessage.class);
		assertThat(message.context().type()).isEqualTo("hang");
		assertThat(message.context().call().id()).isEqualTo("call-ctx");
	}

}

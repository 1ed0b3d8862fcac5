package io.github.vapiwebhook.message;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.NullNode;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Message records read and write with any Jackson mapper, in Vapi's shape, and read back
 * equal: what a store of messages needs.
 */
class ServerMessageJsonTests {

	private static final JsonMapper PLAIN = JsonMapper.builder().build();

	/**
	 * A mapper set against everything that would break messages: unknown properties fail,
	 * dates are written as numbers, nulls are written.
	 */
	private static final JsonMapper STRICT = JsonMapper.builder()
		.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.enable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
		.changeDefaultPropertyInclusion(
				(inclusion) -> JsonInclude.Value.construct(JsonInclude.Include.ALWAYS, JsonInclude.Include.ALWAYS))
		.build();

	private static final Map<String, JsonMapper> MAPPERS = Map.of("plain", PLAIN, "Spring Boot's", bootMapper(),
			"strict", STRICT);

	private final ServerMessageReader reader = new ServerMessageReader();

	static JsonMapper bootMapper() {
		AtomicReference<JsonMapper> mapper = new AtomicReference<>();
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class))
			.run((context) -> mapper.set(context.getBean(JsonMapper.class)));
		return mapper.get();
	}

	static Stream<String> fixtureNames() {
		try (Stream<Path> files = Files.list(Path.of("src/test/resources/messages"))) {
			return files.map((file) -> file.getFileName().toString().replace(".json", "")).sorted().toList().stream();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static Stream<Arguments> fixturesAndMappers() {
		return fixtureNames().flatMap((name) -> MAPPERS.keySet().stream().map((mapper) -> Arguments.of(name, mapper)));
	}

	@ParameterizedTest(name = "{0} with the {1} mapper")
	@MethodSource("fixturesAndMappers")
	void everyFixtureReadsAsTheWebhookReadsItAndRoundTrips(String name, String mapperName) {
		JsonMapper mapper = MAPPERS.get(mapperName);
		ServerMessage message = mapper.readValue(messageObject(name), ServerMessage.class);
		assertThat(message).isEqualTo(this.reader.read(ServerMessageReaderTests.fixtureBytes(name)));
		byte[] written = mapper.writeValueAsBytes(message);
		assertThat(mapper.readValue(written, ServerMessage.class)).isEqualTo(message);
		assertThat(mapper.readValue(written, message.getClass())).isEqualTo(message);
		assertThat(PLAIN.readValue(written, ServerMessage.class)).isEqualTo(message);
	}

	@Test
	void writesVapisShapeWithTheTypeFirstAndWithoutAbsentFields() {
		HangMessage message = new HangMessage(new MessageContext("hang", Instant.parse("2025-11-26T17:40:31Z"),
				PLAIN.readValue("{\"id\":\"c1\"}", Call.class), null, null, NullNode.getInstance(), null, null, null));
		assertThat(STRICT.writeValueAsString(message)).isEqualTo(
				"{\"type\":\"hang\",\"timestamp\":\"2025-11-26T17:40:31Z\",\"call\":{\"id\":\"c1\"},\"assistant\":null}");
	}

	@Test
	void writesAnUnknownMessageAsTheObjectItWasReadFrom() {
		byte[] json = messageObject("unknown-type");
		ServerMessage message = PLAIN.readValue(json, ServerMessage.class);
		assertThat(message).isInstanceOf(UnknownMessage.class);
		assertThat(PLAIN.readTree(PLAIN.writeValueAsBytes(message))).isEqualTo(PLAIN.readTree(json));
	}

	@Test
	void readsARecordAskedForByItsOwnType() {
		ToolCallsMessage message = PLAIN.readValue(messageObject("tool-calls"), ToolCallsMessage.class);
		assertThat(message.calls()).hasSize(4);
		EventMessage event = PLAIN.readValue(messageObject("status-update"), EventMessage.class);
		assertThat(event).isInstanceOf(StatusUpdateMessage.class);
	}

	@Test
	void refusesToReadAMessageAsTheRecordOfAnotherType() {
		assertThatExceptionOfType(DatabindException.class)
			.isThrownBy(() -> PLAIN.readValue(messageObject("status-update"), HangMessage.class))
			.withMessageContaining("A message of type 'status-update' is not a HangMessage");
		assertThatExceptionOfType(DatabindException.class)
			.isThrownBy(() -> PLAIN.readValue(messageObject("tool-calls"), EventMessage.class))
			.withMessageContaining("is not a EventMessage");
	}

	@Test
	void refusesAMessageWithoutAType() {
		assertThatExceptionOfType(DatabindException.class)
			.isThrownBy(() -> PLAIN.readValue("{\"call\":{\"id\":\"c1\"}}", ServerMessage.class))
			.withMessageContaining(MessageContext.MISSING_TYPE);
	}

	@Test
	void ignoresUnknownFieldsWhateverTheMapperSays() {
		ServerMessage message = STRICT.readValue("""
				{"type":"speech-update","status":"stopped","brandNew":{"a":[1,2]},
				"call":{"id":"c1","futureField":true,"monitor":{"listenUrl":"wss://x","newUrl":"y"}},
				"artifact":{"messages":[{"role":"user","mood":"calm"}]}}""", ServerMessage.class);
		assertThat(message).isInstanceOf(SpeechUpdateMessage.class);
		assertThat(message.call().monitor().listenUrl()).isEqualTo("wss://x");
		assertThat(message.artifact().messages()).extracting(ConversationMessage::role).containsExactly("user");
	}

	@Test
	void keepsInstantsExactWhateverTheMapperWritesDatesAs() {
		String json = """
				{"type":"end-of-call-report","endedReason":"customer-ended-call","timestamp":1727030665008.5,
				"startedAt":"2024-07-27T14:24:05.712-07:00","call":{"createdAt":"1727030665008"}}""";
		for (JsonMapper mapper : MAPPERS.values()) {
			ServerMessage message = mapper.readValue(json, ServerMessage.class);
			assertThat(message.timestamp()).isEqualTo(Instant.parse("2024-09-22T18:44:25.008500Z"));
			assertThat(mapper.readValue(mapper.writeValueAsBytes(message), ServerMessage.class)).isEqualTo(message);
		}
	}

	@Test
	void messagesInsideOtherObjectsRoundTrip() {
		List<ServerMessage> messages = fixtureNames()
			.map((name) -> PLAIN.readValue(messageObject(name), ServerMessage.class))
			.toList();
		Stored stored = new Stored("inbox-1", messages.get(0), messages);
		for (JsonMapper mapper : MAPPERS.values()) {
			assertThat(mapper.readValue(mapper.writeValueAsBytes(stored), Stored.class)).isEqualTo(stored);
			assertThat(mapper.readValue(mapper.writeValueAsBytes(messages), new TypeReference<List<ServerMessage>>() {
			})).isEqualTo(messages);
		}
	}

	@Test
	void theObjectsMessagesCarryReadAndWriteOnTheirOwn() {
		String call = """
				{"id":"c1","createdAt":1727030665008,"updatedAt":"2024-09-22T18:44:25.008Z","futureField":{"a":1},
				"costBreakdown":{"total":0.834,"llmPromptTokens":1200}}""";
		String openAi = """
				{"role":"assistant","content":null,"tool_calls":[{"id":"t1"}],"tool_call_id":"t0","refusal":null}""";
		for (JsonMapper mapper : MAPPERS.values()) {
			Call read = mapper.readValue(call, Call.class);
			assertThat(read.createdAt()).isEqualTo(read.updatedAt()).isEqualTo(Instant.ofEpochMilli(1727030665008L));
			assertThat(mapper.readValue(mapper.writeValueAsBytes(read), Call.class)).isEqualTo(read);
			OpenAiMessage message = mapper.readValue(openAi, OpenAiMessage.class);
			assertThat(message.toolCalls()).hasSize(1);
			assertThat(message.toolCallId()).isEqualTo("t0");
			assertThat(message.content()).isInstanceOf(NullNode.class);
			assertThat(mapper.readTree(mapper.writeValueAsBytes(message)).has("tool_calls")).isTrue();
			assertThat(mapper.readValue(mapper.writeValueAsBytes(message), OpenAiMessage.class)).isEqualTo(message);
		}
	}

	@Test
	void refusesARecordThatIsNotAnObjectInARequest() {
		assertThatExceptionOfType(DatabindException.class)
			.isThrownBy(
					() -> PLAIN.readValue("{\"type\":\"assistant-request\",\"call\":[\"c1\"]}", ServerMessage.class))
			.satisfies((ex) -> assertThat(ex.getPath()).extracting((reference) -> reference.getPropertyName())
				.containsExactly("call"));
	}

	@Test
	void readsAnEventWithARecordThatIsNotAnObjectWithoutIt() {
		ServerMessage message = PLAIN.readValue("{\"type\":\"hang\",\"call\":[\"c1\"]}", ServerMessage.class);
		assertThat(message.call()).isNull();
		assertThat(message.droppedFields()).containsExactly("message.call");
	}

	@Test
	void writesAnEventWithDroppedFieldsAsReceivedAndReadsItBackEqual() {
		String received = "{\"type\":\"end-of-call-report\",\"timestamp\":\"soon\",\"call\":{\"id\":\"c-1\","
				+ "\"startedAt\":true},\"cost\":\"cheap\",\"extra\":1}";
		for (JsonMapper mapper : List.of(PLAIN, bootMapper())) {
			ServerMessage message = mapper.readValue(received, ServerMessage.class);
			assertThat(message.droppedFields()).containsExactly("message.timestamp", "message.call.startedAt",
					"message.cost", "message.endedReason");
			String written = mapper.writeValueAsString(message);
			assertThat(mapper.readTree(written)).isEqualTo(mapper.readTree(received));
			assertThat(mapper.readValue(written, ServerMessage.class)).isEqualTo(message);
		}
	}

	/**
	 * What a store might keep: a message among its own fields.
	 */
	record Stored(String id, ServerMessage message, List<ServerMessage> others) {
	}

	private static byte[] messageObject(String name) {
		JsonNode body = PLAIN.readTree(ServerMessageReaderTests.fixtureBytes(name));
		return PLAIN.writeValueAsBytes(body.get("message"));
	}

}

package io.github.vapiwebhook.message;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.node.NullNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The one-pass reading of a message (record and context bound together) gives exactly
 * what the two-pass reading gives, and leaves every body it cannot take as it is to the
 * two-pass reading and its errors.
 */
class OnePassReadingTests {

	private final ServerMessageReader reader = new ServerMessageReader();

	static Stream<String> fixtures() throws IOException {
		try (Stream<Path> files = Files.list(Path.of("src/test/resources/messages"))) {
			return files.map((file) -> file.getFileName().toString().replace(".json", "")).sorted().toList().stream();
		}
	}

	@ParameterizedTest
	@MethodSource("fixtures")
	void everyFixtureReadsInOnePassAsInTwoExceptWhereItCannot(String name) {
		byte[] body = ServerMessageReaderTests.fixtureBytes(name);
		ServerMessage twoPasses = this.reader.readInTwoPasses(body);
		ServerMessage onePass = this.reader.readInOnePass(body);
		if (twoPasses instanceof UnknownMessage || twoPasses instanceof ChatCreatedMessage
				|| twoPasses instanceof ChatDeletedMessage) {
			// unknown types, and the chat messages whose own 'chat' is also a context
			// field
			assertThat(onePass).isNull();
		}
		else {
			assertThat(onePass).isNotNull().isEqualTo(twoPasses);
			assertThat(onePass.context()).isEqualTo(twoPasses.context());
		}
		assertThat(this.reader.read(body)).isEqualTo(twoPasses);
	}

	@Test
	void typeAfterTheOtherFieldsStillReadsInOnePass() {
		ServerMessage message = this.reader.readInOnePass(
				json("""
						{"message":{"call":{"id":"call-1"},"timestamp":1764178831000,"status":"ended","type":"status-update"}}"""));
		assertThat(message).isInstanceOf(StatusUpdateMessage.class);
		assertThat(message.callId()).isEqualTo("call-1");
		assertThat(message.timestamp()).isNotNull();
	}

	@Test
	void explicitNullContextFieldsReadAsTheContextRecordReadsThem() {
		byte[] body = json("""
				{"message":{"type":"hang","assistant":null,"call":null,"timestamp":null}}""");
		ServerMessage message = this.reader.readInOnePass(body);
		assertThat(message).isNotNull().isEqualTo(this.reader.readInTwoPasses(body));
		assertThat(message.context().assistant()).isInstanceOf(NullNode.class);
		assertThat(message.call()).isNull();
	}

	@Test
	void aSecondTypeIsLeftToTheTwoPassReading() {
		byte[] body = json("""
				{"message":{"type":"hang","type":"status-update","status":"ended"}}""");
		assertThat(this.reader.readInOnePass(body)).isNull();
		assertThat(this.reader.read(body)).isEqualTo(this.reader.readInTwoPasses(body));
	}

	@Test
	void contextFieldOfTheWrongShapeGetsTheTwoPassError() {
		byte[] body = json("""
				{"message":{"type":"tool-calls","call":{"createdAt":{"not":"an instant"}},"toolCallList":[]}}""");
		assertThat(this.reader.readInOnePass(body)).isNull();
		assertThatThrownBy(() -> this.reader.read(body)).isInstanceOf(InvalidMessageException.class)
			.hasMessageContaining("message.call.createdAt");
	}

	@Test
	void contentAfterTheEnvelopeGetsTheTwoPassError() {
		byte[] body = json("""
				{"message":{"type":"hang"}} {"more":1}""");
		assertThat(this.reader.readInOnePass(body)).isNull();
		assertThatThrownBy(() -> this.reader.read(body)).isInstanceOf(InvalidMessageException.class)
			.hasMessage("Request body has content after its JSON object");
	}

	@Test
	void blankOrMissingTypeIsLeftToTheTwoPassReading() {
		assertThat(this.reader.readInOnePass(json("{\"message\":{\"type\":\"\"}}"))).isNull();
		assertThat(this.reader.readInOnePass(json("{\"message\":{\"call\":{}}}"))).isNull();
		assertThat(this.reader.readInOnePass(json("{\"message\":{\"type\":7}}"))).isNull();
		assertThatThrownBy(() -> this.reader.read(json("{\"message\":{\"type\":7}}")))
			.isInstanceOf(InvalidMessageException.class)
			.hasMessage(MessageTypeDeserializer.MISSING);
	}

	private static byte[] json(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}

package io.github.vapiwebhook.message;

import java.time.Instant;
import java.time.OffsetDateTime;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class FlexibleInstantDeserializerTests {

	@ParameterizedTest
	@ValueSource(strings = { "2026-11-26T10:15:30Z", "2026-11-26T10:15:30.1Z", "2026-11-26T10:15:30.123Z",
			"2026-11-26T10:15:30.123456Z", "2026-11-26T10:15:30.123456789Z", "1970-01-01T00:00:00Z",
			"2024-02-29T23:59:59.999Z", "1969-12-31T23:59:59.5Z", "0001-01-01T00:00:00Z" })
	void fastPathAgreesWithTheJdkParser(String text) {
		assertThat(FlexibleInstantDeserializer.parseUtc(text)).isEqualTo(OffsetDateTime.parse(text).toInstant());
	}

	@ParameterizedTest
	@ValueSource(strings = { "2026-11-26T10:15:30+01:00", "2026-11-26T10:15:30.123+00:00", "2026-11-26 10:15:30Z",
			"2026-11-26T10:15Z", "2026-02-30T10:15:30Z", "2026-13-01T10:15:30Z", "2026-11-26T24:00:00Z",
			"2026-11-26T10:15:30.Z", "2026-11-26T10:15:30.1234567890Z", "2026-11-26T1a:15:30Z", "+2026-11-26T10:15:30Z",
			"2026-11-26T10:15:60Z" })
	void anythingElseIsLeftToTheJdkParser(String text) {
		assertThat(FlexibleInstantDeserializer.parseUtc(text)).isNull();
	}

	@ParameterizedTest
	@ValueSource(strings = { "{\"message\":{\"type\":\"hang\",\"timestamp\":1764152142456}}",
			"{\"message\":{\"type\":\"hang\",\"timestamp\":\"1764152142456\"}}",
			"{\"message\":{\"type\":\"hang\",\"timestamp\":\"2025-11-26T10:15:42.456Z\"}}",
			"{\"message\":{\"type\":\"hang\",\"timestamp\":\"2025-11-26T11:15:42.456+01:00\"}}" })
	void everyFormVapiSendsReadsAsTheSameInstant(String json) {
		ServerMessage message = new ServerMessageReader().read(json.getBytes());
		assertThat(message.context().timestamp()).isEqualTo(Instant.ofEpochMilli(1764152142456L));
	}

}

package io.github.vapiwebhook.calls;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class CallCursorTests {

	@Test
	void readsBackWhatItGaveOut() {
		CallCursor cursor = new CallCursor(Instant.parse("2026-03-02T08:00:00.123456Z"), "call|with|bars");
		assertThat(CallCursor.decode(cursor.encode())).isEqualTo(cursor);
	}

	@Test
	void isOpaqueUrlSafeText() {
		String encoded = new CallCursor(Instant.parse("2026-03-02T08:00:00Z"), "c6f1e0a2").encode();
		assertThat(encoded).matches("[A-Za-z0-9_-]+");
	}

	@ParameterizedTest
	@ValueSource(strings = { "no-separator", "2026-03-02T08:00:00Z|", "not-a-time|call" })
	void refusesWhatItDidNotGiveOut(String plain) {
		String text = Base64.getUrlEncoder().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
		assertThatExceptionOfType(InvalidCallQueryException.class).isThrownBy(() -> CallCursor.decode(text))
			.withMessage("'cursor' is not a cursor given out as nextCursor");
	}

	@Test
	void refusesTextThatIsNotBase64() {
		assertThatExceptionOfType(InvalidCallQueryException.class).isThrownBy(() -> CallCursor.decode("not base64!"))
			.withMessage("'cursor' is not a cursor given out as nextCursor");
	}

}

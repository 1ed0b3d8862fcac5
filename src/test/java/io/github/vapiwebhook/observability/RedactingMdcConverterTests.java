package io.github.vapiwebhook.observability;

import java.util.List;
import java.util.Map;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RedactingMdcConverterTests {

	private final LoggerContext context = new LoggerContext();

	@Test
	void masksAPhoneNumberUsedAsCallId() {
		assertThat(convert("vapi.callId", Map.of("vapi.callId", "+14155550123"))).isEqualTo("[redacted-phone]");
	}

	@Test
	void escapesLineBreaksInAValue() {
		assertThat(convert("vapi.callId", Map.of("vapi.callId", "call-1\r\n2026-01-01 ERROR forged")))
			.isEqualTo("call-1\\r\\n2026-01-01 ERROR forged");
	}

	@Test
	void keepsTheDefaultValueOfAnAbsentKey() {
		assertThat(convert("vapi.callId:-none", Map.of())).isEqualTo("none");
	}

	@Test
	void escapesAndMasksEveryValueWhenNoKeyIsGiven() {
		assertThat(convert(null, Map.of("vapi.callId", "+14155550123\nforged")))
			.isEqualTo("vapi.callId=[redacted-phone]\\nforged");
	}

	private String convert(String option, Map<String, String> mdc) {
		RedactingMdcConverter converter = new RedactingMdcConverter();
		converter.setContext(this.context);
		if (option != null) {
			converter.setOptionList(List.of(option));
		}
		converter.start();
		LoggingEvent event = new LoggingEvent(Logger.FQCN, this.context.getLogger("test"), Level.INFO, "message", null,
				null);
		event.setMDCPropertyMap(mdc);
		return converter.convert(event);
	}

}

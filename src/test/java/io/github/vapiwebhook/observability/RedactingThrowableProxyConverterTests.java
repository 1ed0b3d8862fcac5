package io.github.vapiwebhook.observability;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RedactingThrowableProxyConverterTests {

	private final LoggerContext context = new LoggerContext();

	@Test
	void escapesAndMasksTheMessagesOfTheThrowableItsCausesAndSuppressed() {
		IllegalStateException failure = new IllegalStateException("No slot for +14155550123\r\nforged-by-message",
				new IllegalArgumentException("bad date\nforged-by-cause"));
		failure.addSuppressed(new IllegalStateException("mail jane.roe@example.org\nforged-by-suppressed"));
		assertThat(convert(failure))
			.contains("java.lang.IllegalStateException: No slot for [redacted-phone]\\r\\nforged-by-message")
			.contains("Caused by: java.lang.IllegalArgumentException: bad date\\nforged-by-cause")
			.contains("Suppressed: java.lang.IllegalStateException: mail [redacted-email]\\nforged-by-suppressed")
			.doesNotContain("\nforged", "\rforged");
	}

	@Test
	void printsTheStackFramesAsSpringBootDoes() {
		IllegalStateException failure = new IllegalStateException("boom");
		assertThat(convert(failure)).contains("\tat " + RedactingThrowableProxyConverterTests.class.getName());
	}

	private String convert(Throwable failure) {
		RedactingThrowableProxyConverter converter = new RedactingThrowableProxyConverter();
		converter.setContext(this.context);
		converter.start();
		return converter.convert(
				new LoggingEvent(Logger.FQCN, this.context.getLogger("test"), Level.ERROR, "failed", failure, null));
	}

}

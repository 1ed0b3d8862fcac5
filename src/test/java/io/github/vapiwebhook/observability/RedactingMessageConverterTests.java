package io.github.vapiwebhook.observability;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RedactingMessageConverterTests {

	private final Logger logger = new LoggerContext().getLogger(RedactingMessageConverterTests.class);

	private final RedactingMessageConverter converter = new RedactingMessageConverter();

	@Test
	void lineBreaksInAnArgumentCannotStartANewLine() {
		String message = convert("Tool call {} names the unknown tool {}", "tc-1\r\n2026-01-01 ERROR forged",
				"lookup\nforged");
		assertThat(message)
			.isEqualTo("Tool call tc-1\\r\\n2026-01-01 ERROR forged names the unknown tool lookup\\nforged")
			.doesNotContain("\n", "\r");
	}

	@Test
	void multiLineTemplateKeepsItsLines() {
		assertThat(convert("%nUsing generated webhook secret: {}%n%nSet a lasting one.".formatted(), "s3cr3t"))
			.isEqualTo("%nUsing generated webhook secret: s3cr3t%n%nSet a lasting one.".formatted());
	}

	@Test
	void messageWithoutArgumentsIsUnchangedButMasked() {
		assertThat(convert("first line\nsecond line, call +14155550123"))
			.isEqualTo("first line\nsecond line, call [redacted-phone]");
	}

	@Test
	void masksPhoneNumbersAndEmailsInArguments() {
		assertThat(convert("Customer {} ({})", "+14155550123", "jane.roe@example.org"))
			.isEqualTo("Customer [redacted-phone] ([redacted-email])");
	}

	@Test
	void trailingThrowableStaysOutOfTheMessage() {
		assertThat(convert("Tool {} failed", "lookup", new IllegalStateException("boom\nforged")))
			.isEqualTo("Tool lookup failed");
	}

	@Test
	void throwableUsedAsAValueIsEscaped() {
		LoggingEvent event = new LoggingEvent(Logger.FQCN, this.logger, Level.ERROR, "Failed: {}",
				new IllegalStateException("the event's own"),
				new Object[] { new IllegalArgumentException("bad\nforged") });
		assertThat(this.converter.convert(event)).isEqualTo("Failed: java.lang.IllegalArgumentException: bad\\nforged");
	}

	@Test
	void printsArraysNullsAndOtherObjectsAsSlf4jDoes() {
		assertThat(convert("{} {} {} {}", new int[] { 1, 2 }, new String[] { "a\nb" }, null, 42))
			.isEqualTo("[1, 2] [a\\nb] null 42");
	}

	@Test
	void argumentsAreNotReadAsTemplates() {
		assertThat(convert("{} and {}", "{}", "x")).isEqualTo("{} and x");
	}

	private String convert(String template, Object... arguments) {
		return this.converter
			.convert(new LoggingEvent(Logger.FQCN, this.logger, Level.INFO, template, null, arguments));
	}

}

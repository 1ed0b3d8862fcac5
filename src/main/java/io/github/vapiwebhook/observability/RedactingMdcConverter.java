package io.github.vapiwebhook.observability;

import ch.qos.logback.classic.pattern.MDCConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import org.jspecify.annotations.Nullable;

/**
 * Logback's {@code %X} (MDC) made safe for values from requests: control characters are
 * escaped and phone numbers, SIP URIs and email addresses masked, so that the
 * {@code [call id, type]} prefix of a line can neither forge a line nor leak a customer's
 * number used as a call id. Registered in {@code logback-spring.xml} for the words
 * {@code X} and {@code mdc}.
 */
public class RedactingMdcConverter extends MDCConverter {

	private final ControlCharacterEscaper escaper = new ControlCharacterEscaper();

	private final LogRedactor redactor = new LogRedactor();

	@Override
	public @Nullable String convert(ILoggingEvent event) {
		String value = super.convert(event);
		return (value != null) ? this.redactor.redact(this.escaper.escape(value)) : null;
	}

}

package io.github.vapiwebhook.observability;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/**
 * Logback's {@code %msg} with phone numbers and email addresses masked, so that a handler
 * that logs a customer's details by mistake does not leak them. Registered in
 * {@code logback-spring.xml}.
 */
public class RedactingMessageConverter extends MessageConverter {

	private final LogRedactor redactor = new LogRedactor();

	@Override
	public String convert(ILoggingEvent event) {
		return this.redactor.redact(super.convert(event));
	}

}

package io.github.vapiwebhook.observability;

import ch.qos.logback.classic.spi.IThrowableProxy;

import org.springframework.boot.logging.logback.ExtendedWhitespaceThrowableProxyConverter;

/**
 * Spring Boot's {@code %wEx} (the stack trace of a logged exception) with the message of
 * every throwable in it escaped and masked as {@code %msg} arguments are, so that an
 * exception quoting a value from the request can neither forge a line nor leak a phone
 * number. Stack frames print unchanged. Registered in {@code logback-spring.xml}.
 */
public class RedactingThrowableProxyConverter extends ExtendedWhitespaceThrowableProxyConverter {

	private final ControlCharacterEscaper escaper = new ControlCharacterEscaper();

	private final LogRedactor redactor = new LogRedactor();

	@Override
	protected String throwableProxyToString(IThrowableProxy proxy) {
		return super.throwableProxyToString(new RedactedThrowableProxy(proxy, this.escaper, this.redactor));
	}

}

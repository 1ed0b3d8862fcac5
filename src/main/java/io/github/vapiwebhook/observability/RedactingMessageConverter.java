package io.github.vapiwebhook.observability;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import org.jspecify.annotations.Nullable;
import org.slf4j.helpers.MessageFormatter;

/**
 * Logback's {@code %msg} made safe for values from requests: every argument of the
 * message has its control characters escaped before it is put into the message template
 * (so a call id or a tool name cannot end the line and forge the next one, while a
 * deliberately multi-line template keeps its lines), and phone numbers, SIP URIs and
 * email addresses are then masked in the whole message, so that a handler that logs a
 * customer's details by mistake does not leak them. Registered in
 * {@code logback-spring.xml}.
 */
public class RedactingMessageConverter extends MessageConverter {

	private final ControlCharacterEscaper escaper = new ControlCharacterEscaper();

	private final LogRedactor redactor = new LogRedactor();

	@Override
	public @Nullable String convert(ILoggingEvent event) {
		Object[] arguments = event.getArgumentArray();
		String template = event.getMessage();
		String message = (arguments != null && arguments.length > 0 && template != null)
				? format(event, template, arguments) : event.getFormattedMessage();
		return (message != null) ? this.redactor.redact(message) : null;
	}

	// Formats as LoggingEvent.getFormattedMessage() does, with the arguments escaped.
	private String format(ILoggingEvent event, String template, Object[] arguments) {
		boolean withoutThrowableProxy = event.getThrowableProxy() == null;
		Object[] escaped = new Object[arguments.length];
		for (int i = 0; i < arguments.length; i++) {
			Object argument = arguments[i];
			// Without a throwable of its own, the event treats a trailing Throwable
			// argument as its throwable, not as a value for the template.
			boolean isEventThrowable = withoutThrowableProxy && i == arguments.length - 1
					&& argument instanceof Throwable;
			escaped[i] = isEventThrowable ? argument : this.escaper.escape(text(argument));
		}
		return withoutThrowableProxy ? MessageFormatter.arrayFormat(template, escaped).getMessage()
				: MessageFormatter.basicArrayFormat(template, escaped);
	}

	// The argument as MessageFormatter prints it (arrays element by element, a failing
	// toString() as a marker), so that escaping changes nothing else.
	private static String text(@Nullable Object argument) {
		return (argument instanceof String string) ? string
				: MessageFormatter.basicArrayFormat("{}", new Object[] { argument });
	}

}

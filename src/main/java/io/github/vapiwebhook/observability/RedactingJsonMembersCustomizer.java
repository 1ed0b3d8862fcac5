package io.github.vapiwebhook.observability;

import org.springframework.boot.json.JsonWriter;
import org.springframework.boot.logging.structured.StructuredLoggingJsonMembersCustomizer;

/**
 * Masks phone numbers, SIP URIs and email addresses in every string of a structured
 * (JSON) log line, the message and the MDC values (call id, type) included; JSON escapes
 * control characters itself. Registered with {@code logging.structured.json.customizer}.
 */
public class RedactingJsonMembersCustomizer implements StructuredLoggingJsonMembersCustomizer<Object> {

	private final LogRedactor redactor = new LogRedactor();

	@Override
	public void customize(JsonWriter.Members<Object> members) {
		members.applyingValueProcessor(JsonWriter.ValueProcessor.of(String.class, this.redactor::redact));
	}

}

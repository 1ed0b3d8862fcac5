package io.github.vapiwebhook.message;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.std.StdDeserializer;

/**
 * Reads an instant that Vapi sends either as epoch milliseconds (number or numeric
 * string) or as an ISO-8601 string; both forms were captured from real payloads.
 */
class FlexibleInstantDeserializer extends StdDeserializer<Instant> {

	FlexibleInstantDeserializer() {
		super(Instant.class);
	}

	@Override
	public Instant deserialize(JsonParser parser, DeserializationContext context) {
		JsonToken token = parser.currentToken();
		if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT) {
			return ofEpochMillis(parser.getDecimalValue());
		}
		if (token == JsonToken.VALUE_STRING) {
			return parse(parser.getString().trim(), context);
		}
		return (Instant) context.handleUnexpectedToken(Instant.class, parser);
	}

	private Instant parse(String text, DeserializationContext context) {
		try {
			if (!text.isEmpty() && text.chars().allMatch((c) -> Character.isDigit(c) || c == '.')) {
				return ofEpochMillis(new BigDecimal(text));
			}
			return OffsetDateTime.parse(text).toInstant();
		}
		catch (DateTimeException | NumberFormatException ex) {
			return (Instant) context.handleWeirdStringValue(Instant.class, text,
					"expected epoch milliseconds or an ISO-8601 date-time");
		}
	}

	private static Instant ofEpochMillis(BigDecimal millis) {
		long whole = millis.longValue();
		long nanos = millis.subtract(BigDecimal.valueOf(whole)).movePointRight(6).longValue();
		return Instant.ofEpochMilli(whole).plusNanos(nanos);
	}

}

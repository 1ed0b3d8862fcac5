package io.github.vapiwebhook.message;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;

import org.jspecify.annotations.Nullable;

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
		if (token == JsonToken.VALUE_NUMBER_INT) {
			JsonParser.NumberType type = parser.getNumberType();
			if (type == JsonParser.NumberType.INT || type == JsonParser.NumberType.LONG) {
				return Instant.ofEpochMilli(parser.getLongValue());
			}
		}
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
			Instant utc = parseUtc(text);
			if (utc != null) {
				return utc;
			}
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

	/**
	 * The fast path for the form Vapi sends, {@code 2026-11-26T10:15:30.123Z} (UTC, up to
	 * nine fraction digits): {@link OffsetDateTime#parse} costs several times more, and a
	 * message carries a handful of these. Anything else returns {@code null} and goes
	 * through the full parser.
	 */
	static @Nullable Instant parseUtc(String text) {
		int length = text.length();
		if (length < 20 || length > 30 || text.charAt(length - 1) != 'Z' || text.charAt(4) != '-'
				|| text.charAt(7) != '-' || text.charAt(10) != 'T' || text.charAt(13) != ':'
				|| text.charAt(16) != ':') {
			return null;
		}
		int year = digits(text, 0, 4);
		int month = digits(text, 5, 7);
		int day = digits(text, 8, 10);
		int hour = digits(text, 11, 13);
		int minute = digits(text, 14, 16);
		int second = digits(text, 17, 19);
		int nanos = 0;
		if (length > 20) {
			int fractionDigits = length - 21;
			if (text.charAt(19) != '.' || fractionDigits < 1 || fractionDigits > 9) {
				return null;
			}
			int fraction = digits(text, 20, length - 1);
			if (fraction < 0) {
				return null;
			}
			nanos = fraction * POWERS_OF_TEN[9 - fractionDigits];
		}
		else if (text.charAt(19) != 'Z') {
			return null;
		}
		if (year < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59
				|| second < 0 || second > 59 || day > YearMonth.of(year, month).lengthOfMonth()) {
			return null;
		}
		long epochSecond = LocalDate.of(year, month, day).toEpochDay() * 86_400L + hour * 3_600L + minute * 60L
				+ second;
		return Instant.ofEpochSecond(epochSecond, nanos);
	}

	private static final int[] POWERS_OF_TEN = { 1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000,
			1_000_000_000 };

	/** The number the digits in {@code [from, to)} spell, or -1 if one is not a digit. */
	private static int digits(String text, int from, int to) {
		int value = 0;
		for (int i = from; i < to; i++) {
			char c = text.charAt(i);
			if (c < '0' || c > '9') {
				return -1;
			}
			value = value * 10 + (c - '0');
		}
		return value;
	}

}

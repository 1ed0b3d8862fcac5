package io.github.vapiwebhook.tools;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Set;

import tools.jackson.databind.JavaType;

/**
 * Says what a value of a Java type looks like, in words a model understands ("an
 * integer", "a date like 2025-01-31", "one of [SMALL, LARGE]"), for the errors of
 * arguments that do not bind.
 */
class ExpectedValues {

	private static final Set<Class<?>> INTEGERS = Set.of(byte.class, short.class, int.class, long.class, Byte.class,
			Short.class, Integer.class, Long.class, BigInteger.class);

	private static final Set<Class<?>> NUMBERS = Set.of(float.class, double.class, Float.class, Double.class,
			BigDecimal.class);

	String of(JavaType type) {
		Class<?> raw = type.getRawClass();
		if (type.isReferenceType() || type.isCollectionLikeType() || type.isArrayType()) {
			String element = of(type.getContentType());
			return type.isReferenceType() ? element : "a list of " + element.replaceFirst("^(a|an) ", "");
		}
		if (CharSequence.class.isAssignableFrom(raw)) {
			return "a string";
		}
		if (INTEGERS.contains(raw)) {
			return "an integer";
		}
		if (NUMBERS.contains(raw)) {
			return "a number";
		}
		if (raw == boolean.class || raw == Boolean.class) {
			return "true or false";
		}
		if (raw.isEnum()) {
			return "one of " + Arrays.toString(raw.getEnumConstants());
		}
		return temporalOrObject(raw);
	}

	private String temporalOrObject(Class<?> raw) {
		if (raw == LocalDate.class) {
			return "a date like 2025-01-31";
		}
		if (raw == LocalTime.class) {
			return "a time like 14:30";
		}
		if (raw == OffsetDateTime.class) {
			return "a date-time with offset like 2025-01-31T14:30:00+01:00";
		}
		if (raw == Instant.class) {
			return "a date-time like 2025-01-31T14:30:00Z";
		}
		return raw.isRecord() ? "an object" : "a " + raw.getSimpleName();
	}

}

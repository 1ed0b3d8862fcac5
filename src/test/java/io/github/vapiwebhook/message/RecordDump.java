package io.github.vapiwebhook.message;

import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;

import tools.jackson.databind.JsonNode;

/**
 * Describes a message record completely, component by component and whatever its
 * {@code toString} hides, so that two readings of a fixture can be compared and a reading
 * can be compared with one recorded earlier (by its SHA-256).
 */
final class RecordDump {

	private RecordDump() {
	}

	static String of(Object value) {
		if (value == null) {
			return "null";
		}
		if (value instanceof Record record) {
			return record.getClass().getSimpleName() + List.of(record.getClass().getRecordComponents())
				.stream()
				// the recorded dumps predate the context's 'dropped', null for every
				// fixture
				.filter((component) -> component.getType() != DroppedFields.class || get(record, component) != null)
				.map((component) -> component.getName() + "=" + of(get(record, component)))
				.collect(Collectors.joining(", ", "[", "]"));
		}
		if (value instanceof JsonNode node) {
			return node.getNodeType() + ":" + node;
		}
		if (value instanceof List<?> list) {
			return list.stream().map(RecordDump::of).collect(Collectors.joining(", ", "[", "]"));
		}
		if (value instanceof BigDecimal decimal) {
			return "BigDecimal:" + decimal.unscaledValue() + "e-" + decimal.scale();
		}
		return value.getClass().getSimpleName() + ":" + value;
	}

	static String sha256(String dump) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(dump.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static Object get(Record record, RecordComponent component) {
		try {
			return component.getAccessor().invoke(record);
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException(ex);
		}
	}

}

package io.github.vapiwebhook.message;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamContext;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;

/**
 * Reads one of this package's records from the properties of a JSON object as they stream
 * by: each component by its JSON name, anything else skipped. In a message record, the
 * fields of its {@link MessageContext} sit among its own, and are read into the context.
 * Each component is read with the mapper's own deserializer for its declared type (looked
 * up once), or with {@link FlexibleInstantDeserializer} where it is a
 * {@link FlexibleInstant}; an explicit {@code null} and an absent property give what that
 * deserializer gives for them (for a JSON tree: a {@code NullNode} and {@code null}), as
 * Jackson's own record binding does.
 * <p>
 * While an event message is read leniently (with a {@link FieldDrops} that records), a
 * property whose value cannot be read is dropped: it stays absent, its path is recorded,
 * and reading goes on with the next property. Otherwise it fails the reading.
 * <p>
 * The values go into an array with one slot per component of the record, then one per
 * field of the context, and from there to the canonical constructors.
 */
final class RecordBinding {

	/** Marks a slot whose property the object did not have. */
	private static final Object ABSENT = new Object();

	private final @Nullable RecordComponents record;

	private final @Nullable RecordComponents context;

	/** Where the context goes among the record's components, or -1. */
	private final int contextIndex;

	/** Where the type goes among the context's fields (it is read by the caller). */
	private final int typeIndex;

	/** Where the dropped fields go among the context's fields. */
	private final int droppedIndex;

	/** The first slot of the context. */
	private final int contextSlots;

	/** The JSON names of the record's {@link Required} components, and their slots. */
	private final List<String> requiredNames = new ArrayList<>();

	private final List<Integer> requiredSlots = new ArrayList<>();

	private final Map<String, Integer> slots = new HashMap<>();

	private final @Nullable ValueDeserializer<?>[] deserializers;

	/**
	 * Prepares the reading of a record, of a message record with its context, or of a
	 * context alone.
	 * @param record the components of the record, or {@code null} to read a context alone
	 * @param context the components of {@link MessageContext} when its fields are read
	 * too, or {@code null}
	 * @param deserializers where to find the mapper's deserializers
	 */
	RecordBinding(@Nullable RecordComponents record, @Nullable RecordComponents context,
			DeserializationContext deserializers) {
		this.record = record;
		this.context = context;
		this.contextIndex = (record != null && context != null) ? record.indexOf(MessageContext.class) : -1;
		if (record != null && context != null && this.contextIndex < 0) {
			throw new IllegalStateException(record.type().getName() + " has no MessageContext component");
		}
		this.typeIndex = (context != null) ? context.indexOf("type") : -1;
		this.droppedIndex = (context != null) ? context.indexOf(DroppedFields.class) : -1;
		this.contextSlots = (record != null) ? record.size() : 0;
		this.deserializers = new ValueDeserializer<?>[this.contextSlots + ((context != null) ? context.size() : 0)];
		for (int i = 0; record != null && i < record.size(); i++) {
			if (i != this.contextIndex && record.rawType(i) != DroppedFields.class) {
				addSlot(i, record, i, deserializers);
			}
			if (record.isRequired(i)) {
				this.requiredNames.add(record.jsonName(i));
				this.requiredSlots.add(i);
			}
		}
		for (int i = 0; context != null && i < context.size(); i++) {
			if (i != this.typeIndex && i != this.droppedIndex) {
				addSlot(this.contextSlots + i, context, i, deserializers);
			}
		}
	}

	private void addSlot(int slot, RecordComponents components, int index, DeserializationContext deserializers) {
		String name = components.jsonName(index);
		if (this.slots.putIfAbsent(name, slot) != null || (this.context != null && name.equals("type"))) {
			throw new IllegalStateException(components.type().getName() + " declares '" + name
					+ "', which is also a field of every message: read it from the context");
		}
		this.deserializers[slot] = components.isFlexibleInstant(index) ? new FlexibleInstantDeserializer()
				: deserializers.findContextualValueDeserializer(
						deserializers.getTypeFactory().constructType(components.genericType(index)), null);
	}

	/**
	 * The slots for the values of one object, all absent.
	 * @return the slots
	 */
	@Nullable Object[] start() {
		@Nullable Object[] values = new Object[this.deserializers.length];
		Arrays.fill(values, ABSENT);
		return values;
	}

	/**
	 * Reads the value of one property, or skips it when it is not a component.
	 * @param values the slots of the object
	 * @param name the property name
	 * @param parser the parser, on the value
	 * @param context the deserialization context
	 * @param drops where a value that cannot be read is recorded (see
	 * {@link FieldDrops#recording}), or {@code null} to fail instead
	 */
	void read(@Nullable Object[] values, String name, JsonParser parser, DeserializationContext context,
			@Nullable FieldDrops drops) {
		Integer slot = this.slots.get(name);
		if (slot == null) {
			parser.skipChildren();
			return;
		}
		ValueDeserializer<?> deserializer = this.deserializers[slot];
		TokenStreamContext owner = (drops != null) ? FieldDrops.owner(parser) : null;
		try {
			values[slot] = parser.hasToken(JsonToken.VALUE_NULL) ? deserializer.getNullValue(context)
					: deserializer.deserialize(parser, context);
		}
		catch (JacksonException | InvalidMessageException ex) {
			if (drops == null || owner == null) {
				throw DatabindException.wrapWithPath(context, ex, new JacksonException.Reference(type(), name));
			}
			drops.drop(parser, owner);
			values[slot] = ABSENT;
			return;
		}
		catch (RuntimeException ex) {
			// as Jackson's bean deserializers do: the path names the property
			throw DatabindException.wrapWithPath(context, ex, new JacksonException.Reference(type(), name));
		}
		if (drops != null && owner != null && values[slot] instanceof List<?> list) {
			// a null entry would fail the record's List.copyOf: it is dropped instead
			values[slot] = drops.withoutNulls(list, owner);
		}
	}

	/**
	 * Records the {@link Required} components that the object did not have (or had as
	 * {@code null}).
	 * @param values the slots of the object
	 * @param drops where they are recorded
	 */
	void reportMissing(@Nullable Object[] values, FieldDrops drops) {
		for (int i = 0; i < this.requiredSlots.size(); i++) {
			Object value = values[this.requiredSlots.get(i)];
			if (value == ABSENT || value == null) {
				drops.missing(this.requiredNames.get(i));
			}
		}
	}

	/**
	 * Builds the record (and its context) from the values read.
	 * @param values the slots of the object
	 * @param type the message type, when a context is read
	 * @param context the deserialization context
	 * @return the record, or the context when this binding reads a context alone
	 */
	Object build(@Nullable Object[] values, @Nullable String type, DeserializationContext context) {
		return build(values, type, null, context);
	}

	/**
	 * Builds the record (and its context) from the values read.
	 * @param values the slots of the object
	 * @param type the message type, when a context is read
	 * @param dropped the fields dropped while reading, for the context
	 * @param context the deserialization context
	 * @return the record, or the context when this binding reads a context alone
	 */
	Object build(@Nullable Object[] values, @Nullable String type, @Nullable DroppedFields dropped,
			DeserializationContext context) {
		fillAbsent(values, context);
		Object messageContext = null;
		if (this.context != null) {
			@Nullable Object[] fields = Arrays.copyOfRange(values, this.contextSlots, values.length);
			fields[this.typeIndex] = type;
			if (this.droppedIndex >= 0) {
				fields[this.droppedIndex] = dropped;
			}
			messageContext = construct(this.context, fields, context);
		}
		if (this.record == null) {
			return messageContext;
		}
		@Nullable Object[] arguments = (this.context != null) ? Arrays.copyOf(values, this.contextSlots) : values;
		if (this.contextIndex >= 0) {
			arguments[this.contextIndex] = messageContext;
		}
		return construct(this.record, arguments, context);
	}

	private void fillAbsent(@Nullable Object[] values, DeserializationContext context) {
		for (int i = 0; i < values.length; i++) {
			if (values[i] == ABSENT) {
				ValueDeserializer<?> deserializer = this.deserializers[i];
				values[i] = (deserializer != null) ? deserializer.getAbsentValue(context) : null;
			}
		}
	}

	private static Object construct(RecordComponents components, @Nullable Object[] arguments,
			DeserializationContext context) {
		try {
			return components.construct(arguments);
		}
		catch (Error ex) {
			throw ex;
		}
		catch (Throwable ex) {
			// as Jackson does: the cause (e.g. an InvalidMessageException) stays in the
			// chain
			return context.handleInstantiationProblem(components.type(), null, ex);
		}
	}

	/**
	 * The type this binding builds.
	 * @return the record, or {@link MessageContext} when it reads a context alone
	 */
	Class<?> type() {
		RecordComponents bound = (this.record != null) ? this.record : this.context;
		return (bound != null) ? bound.type() : Object.class;
	}

}

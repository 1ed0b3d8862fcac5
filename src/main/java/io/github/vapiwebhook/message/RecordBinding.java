package io.github.vapiwebhook.message;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;

/**
 * Reads one message record from the properties of a message object as they stream by: the
 * fields common to all messages into its {@link MessageContext}, its own components by
 * name, and anything else skipped. Each component is read with the mapper's own
 * deserializer for its declared type (looked up once), or with
 * {@link FlexibleInstantDeserializer} where it is a {@link FlexibleInstant}; an explicit
 * {@code null} and an absent property give what that deserializer gives for them (for a
 * JSON tree: a {@code NullNode} and {@code null}), as Jackson's own record binding does.
 * <p>
 * The values are collected in an array with one slot per context field and per component
 * of the record, then handed to the canonical constructors.
 */
final class RecordBinding {

	/** Marks a slot whose property the message did not have. */
	private static final Object ABSENT = new Object();

	private final RecordComponents context;

	private final @Nullable RecordComponents record;

	private final int contextIndex;

	private final int typeIndex;

	private final Map<String, Integer> slots = new HashMap<>();

	private final @Nullable ValueDeserializer<?>[] deserializers;

	/**
	 * Prepares the reading of a record, or of the context alone.
	 * @param context the components of {@link MessageContext}
	 * @param record the components of the message record, or {@code null} to read the
	 * context alone
	 * @param deserializers where to find the mapper's deserializers
	 */
	RecordBinding(RecordComponents context, @Nullable RecordComponents record, DeserializationContext deserializers) {
		this.context = context;
		this.record = record;
		this.typeIndex = context.indexOf("type");
		this.contextIndex = (record != null) ? record.indexOf(MessageContext.class) : -1;
		if (record != null && this.contextIndex < 0) {
			throw new IllegalStateException(record.type().getName() + " has no MessageContext component");
		}
		int size = context.size() + ((record != null) ? record.size() : 0);
		this.deserializers = new ValueDeserializer<?>[size];
		for (int i = 0; i < context.size(); i++) {
			if (i != this.typeIndex) {
				addSlot(i, context, i, deserializers);
			}
		}
		for (int i = 0; record != null && i < record.size(); i++) {
			if (i != this.contextIndex) {
				addSlot(context.size() + i, record, i, deserializers);
			}
		}
	}

	private void addSlot(int slot, RecordComponents components, int index, DeserializationContext deserializers) {
		String name = components.name(index);
		if (this.slots.putIfAbsent(name, slot) != null || name.equals(this.context.name(this.typeIndex))) {
			throw new IllegalStateException(components.type().getName() + " declares '" + name
					+ "', which is a field of every message: read it from the context");
		}
		this.deserializers[slot] = components.isFlexibleInstant(index) ? new FlexibleInstantDeserializer()
				: deserializers.findContextualValueDeserializer(
						deserializers.getTypeFactory().constructType(components.genericType(index)), null);
	}

	/**
	 * The slots for the values of one message, all absent.
	 * @return the slots
	 */
	@Nullable Object[] start() {
		@Nullable Object[] values = new Object[this.deserializers.length];
		Arrays.fill(values, ABSENT);
		return values;
	}

	/**
	 * Reads the value of one property, or skips it when it is not a component.
	 * @param values the slots of the message
	 * @param name the property name
	 * @param parser the parser, on the value
	 * @param context the deserialization context
	 */
	void read(@Nullable Object[] values, String name, JsonParser parser, DeserializationContext context) {
		Integer slot = this.slots.get(name);
		if (slot == null) {
			parser.skipChildren();
			return;
		}
		ValueDeserializer<?> deserializer = this.deserializers[slot];
		try {
			values[slot] = parser.hasToken(JsonToken.VALUE_NULL) ? deserializer.getNullValue(context)
					: deserializer.deserialize(parser, context);
		}
		catch (RuntimeException ex) {
			// as Jackson's bean deserializers do: the path names the property
			throw DatabindException.wrapWithPath(context, ex, new JacksonException.Reference(boundType(), name));
		}
	}

	/**
	 * Builds the context and the record from the values read.
	 * @param values the slots of the message
	 * @param type the message type
	 * @param context the deserialization context
	 * @return the record, or the context when this binding reads the context alone
	 */
	Object build(@Nullable Object[] values, String type, DeserializationContext context) {
		@Nullable Object[] contextArguments = new Object[this.context.size()];
		for (int i = 0; i < contextArguments.length; i++) {
			contextArguments[i] = (i != this.typeIndex) ? value(values, i, context) : type;
		}
		Object messageContext = construct(this.context, contextArguments, context);
		RecordComponents record = this.record;
		if (record == null) {
			return messageContext;
		}
		@Nullable Object[] arguments = new Object[record.size()];
		for (int i = 0; i < arguments.length; i++) {
			arguments[i] = (i != this.contextIndex) ? value(values, this.context.size() + i, context) : messageContext;
		}
		return construct(record, arguments, context);
	}

	private @Nullable Object value(@Nullable Object[] values, int slot, DeserializationContext context) {
		Object value = values[slot];
		return (value != ABSENT) ? value : this.deserializers[slot].getAbsentValue(context);
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

	private Class<?> boundType() {
		return (this.record != null) ? this.record.type() : this.context.type();
	}

}

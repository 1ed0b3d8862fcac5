package io.github.vapiwebhook.message;

import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyMetadata;
import tools.jackson.databind.PropertyName;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.CreatorProperty;
import tools.jackson.databind.deser.SettableBeanProperty;
import tools.jackson.databind.deser.bean.BeanDeserializerBase;

/**
 * Lets a message record and its {@link MessageContext} be bound in one pass over the
 * message object. The record's constructor gets one extra creator property per context
 * field ({@code call}, {@code assistant}, {@code timestamp}, ...) after its own; each
 * reads its value with the context record's own property (the same deserializer and null
 * handling), and the record's instantiator builds the context from them when none was
 * injected. A reader that injects a ready context (the two-pass way) keeps it; the extra
 * properties then read values that are dropped.
 */
final class ContextProperties {

	private static final RecordComponent[] FIELDS = MessageContext.class.getRecordComponents();

	private static final Set<String> NAMES = Arrays.stream(FIELDS)
		.map(RecordComponent::getName)
		.collect(Collectors.toUnmodifiableSet());

	private ContextProperties() {
	}

	/**
	 * Whether a message type can be bound in one pass: a record with an injected context
	 * whose own components do not share a name with a context field (the chat messages'
	 * own {@code chat} does), so that every property of the message object belongs to one
	 * of the two.
	 * @param type the message type
	 * @return {@code true} when its record and context can be bound together
	 */
	static boolean bindsInOnePass(Class<?> type) {
		// public, as SpreadingConstructors (which adds the context fields) requires; a
		// public record's canonical constructor is public too
		return type.isRecord() && Modifier.isPublic(type.getModifiers()) && type != UnknownMessage.class
				&& ServerMessage.class.isAssignableFrom(type) && contextIndex(type) >= 0
				&& Arrays.stream(type.getRecordComponents())
					.filter((component) -> component.getType() != MessageContext.class)
					.noneMatch((component) -> NAMES.contains(component.getName()));
	}

	/**
	 * The position of the context among a record's components.
	 * @param type a record type
	 * @return the index, or -1
	 */
	static int contextIndex(Class<?> type) {
		RecordComponent[] components = type.getRecordComponents();
		for (int i = 0; i < components.length; i++) {
			if (components[i].getType() == MessageContext.class) {
				return i;
			}
		}
		return -1;
	}

	/**
	 * A record's creator properties followed by one per context field.
	 * @param config the configuration
	 * @param own the record's own creator properties
	 * @return all of them
	 */
	static SettableBeanProperty[] withContextFields(DeserializationConfig config, SettableBeanProperty[] own) {
		SettableBeanProperty[] all = Arrays.copyOf(own, own.length + FIELDS.length);
		for (int i = 0; i < FIELDS.length; i++) {
			String name = FIELDS[i].getName();
			all[own.length + i] = CreatorProperty
				.construct(PropertyName.construct(name),
						config.getTypeFactory().constructType(FIELDS[i].getGenericType()), null, null, null, null,
						own.length + i, null, PropertyMetadata.STD_OPTIONAL)
				.withValueDeserializer(new ContextFieldDeserializer(name));
		}
		return all;
	}

	/**
	 * The context made of the values of the extra properties.
	 * @param arguments all creator arguments
	 * @param offset where the extra ones start
	 * @return the context
	 * @throws InvalidMessageException when the type is missing or blank
	 */
	static MessageContext context(@Nullable Object[] arguments, int offset) {
		@Nullable Object[] v = arguments;
		int o = offset;
		return new MessageContext((String) v[o], (Instant) v[o + 1], (Call) v[o + 2], (Customer) v[o + 3],
				(PhoneNumber) v[o + 4], (JsonNode) v[o + 5], (Artifact) v[o + 6], (Chat) v[o + 7], (String) v[o + 8]);
	}

	/**
	 * Reads one context field as the context record's own property does: its value
	 * deserializer (e.g. for {@code type} and {@code timestamp}), its value for an
	 * explicit null (a {@code NullNode} for {@code assistant}) and for an absent field.
	 */
	private static final class ContextFieldDeserializer extends ValueDeserializer<Object> {

		private final String field;

		private volatile @Nullable SettableBeanProperty property;

		ContextFieldDeserializer(String field) {
			this.field = field;
		}

		@Override
		public @Nullable Object deserialize(JsonParser parser, DeserializationContext context) {
			return property(context).deserialize(parser, context);
		}

		@Override
		public @Nullable Object getNullValue(DeserializationContext context) {
			return property(context).getNullValueProvider().getNullValue(context);
		}

		@Override
		public @Nullable Object getAbsentValue(DeserializationContext context) {
			return property(context).getValueDeserializer().getAbsentValue(context);
		}

		private SettableBeanProperty property(DeserializationContext context) {
			SettableBeanProperty found = this.property;
			if (found == null) {
				BeanDeserializerBase contextDeserializer = (BeanDeserializerBase) context
					.findRootValueDeserializer(context.constructType(MessageContext.class));
				found = contextDeserializer.findProperty(PropertyName.construct(this.field));
				if (found == null) {
					throw new IllegalStateException("MessageContext has no property " + this.field);
				}
				this.property = found;
			}
			return found;
		}

	}

}

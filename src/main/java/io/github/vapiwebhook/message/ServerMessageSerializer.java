package io.github.vapiwebhook.message;

import java.util.Map;

import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonToken;
import tools.jackson.core.type.WritableTypeId;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.jsontype.TypeSerializer;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes a {@link ServerMessage} as Vapi sends it, with any Jackson mapper:
 * {@link ServerMessage} names it in its {@code @JsonSerialize}. The fields of the
 * {@link MessageContext} come first ({@code type} first of all), then the record's own
 * components; absent ({@code null}) values are left out, so that
 * {@link ServerMessageDeserializer} reads back an equal record. An
 * {@link UnknownMessage}, and a message with {@link DroppedFields}, is written as the
 * object it was read from, so that no value received is lost where it is stored.
 */
final class ServerMessageSerializer extends ValueSerializer<ServerMessage> {

	private final RecordComponents context = new RecordComponents(MessageContext.class);

	private final ClassValue<RecordComponents> records = new ClassValue<>() {

		@Override
		protected RecordComponents computeValue(Class<?> type) {
			return new RecordComponents(type);
		}

	};

	@Override
	public Class<?> handledType() {
		return ServerMessage.class;
	}

	@Override
	public void serialize(ServerMessage message, JsonGenerator generator, SerializationContext context) {
		generator.writeStartObject(message);
		writeProperties(message, generator, context);
		generator.writeEndObject();
	}

	@Override
	public void serializeWithType(ServerMessage message, JsonGenerator generator, SerializationContext context,
			TypeSerializer typeSerializer) {
		WritableTypeId typeId = typeSerializer.writeTypePrefix(generator, context,
				typeSerializer.typeId(message, JsonToken.START_OBJECT));
		writeProperties(message, generator, context);
		typeSerializer.writeTypeSuffix(generator, context, typeId);
	}

	private void writeProperties(ServerMessage message, JsonGenerator generator, SerializationContext context) {
		if (message instanceof UnknownMessage unknown) {
			writeRaw(unknown.raw(), generator, context);
			return;
		}
		DroppedFields dropped = message.context().dropped();
		if (dropped != null) {
			writeRaw(dropped.raw(), generator, context);
			return;
		}
		writeComponents(this.context, message.context(), generator, context);
		writeComponents(this.records.get(message.getClass()), message, generator, context);
	}

	private static void writeRaw(ObjectNode raw, JsonGenerator generator, SerializationContext context) {
		for (Map.Entry<String, JsonNode> property : raw.properties()) {
			generator.writeName(property.getKey());
			context.writeTree(generator, property.getValue());
		}
	}

	private static void writeComponents(RecordComponents components, Object record, JsonGenerator generator,
			SerializationContext context) {
		for (int i = 0; i < components.size(); i++) {
			Object value = components.get(record, i);
			if (value == null || value instanceof MessageContext || value instanceof DroppedFields) {
				continue;
			}
			generator.writeName(components.jsonName(i));
			if (components.isFlexibleInstant(i)) {
				// ISO-8601 whatever the mapper's date settings: read back exactly
				generator.writeString(value.toString());
			}
			else {
				context.writeValue(generator, value);
			}
		}
	}

}

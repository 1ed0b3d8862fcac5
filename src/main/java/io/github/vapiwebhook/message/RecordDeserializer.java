package io.github.vapiwebhook.message;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.BeanProperty;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.ValueDeserializer;

/**
 * Reads one of the records that messages carry ({@link Call}, {@link ToolCall},
 * {@link ConversationMessage}, ...) with any Jackson mapper, component by component
 * through a {@link RecordBinding}: they name it in their {@code @JsonDeserialize}.
 * Unknown properties are skipped, whatever the mapper's
 * {@code FAIL_ON_UNKNOWN_PROPERTIES} says. Jackson writes them as it writes any record.
 * <p>
 * Jackson 3.1 would call their constructors with
 * {@code MethodHandle.invokeWithArguments}, which adapts the handle on every call: a
 * sixth of the time spent reading a message, which is made of dozens of these records.
 */
final class RecordDeserializer extends ValueDeserializer<Object> {

	private final @Nullable Class<?> type;

	/** Built on first use, with the mapper's deserializers for the components. */
	private volatile @Nullable RecordBinding binding;

	RecordDeserializer() {
		this(null);
	}

	private RecordDeserializer(@Nullable Class<?> type) {
		this.type = type;
	}

	@Override
	public ValueDeserializer<?> createContextual(DeserializationContext context, @Nullable BeanProperty property) {
		JavaType contextual = context.getContextualType();
		return (contextual != null && contextual.getRawClass() != this.type)
				? new RecordDeserializer(contextual.getRawClass()) : this;
	}

	@Override
	public @Nullable Class<?> handledType() {
		return this.type;
	}

	@Override
	public boolean isCachable() {
		return true;
	}

	@Override
	public Object deserialize(JsonParser parser, DeserializationContext context) {
		RecordBinding binding = binding(context);
		JsonToken token = parser.currentToken();
		if (token == JsonToken.START_OBJECT) {
			token = parser.nextToken();
		}
		else if (token != JsonToken.PROPERTY_NAME && token != JsonToken.END_OBJECT) {
			return context.handleUnexpectedToken(binding.type(), parser);
		}
		@Nullable Object[] values = binding.start();
		FieldDrops drops = FieldDrops.recording(context);
		for (; token == JsonToken.PROPERTY_NAME; token = parser.nextToken()) {
			String name = parser.currentName();
			parser.nextToken();
			binding.read(values, name, parser, context, drops);
		}
		return binding.build(values, null, context);
	}

	private RecordBinding binding(DeserializationContext context) {
		RecordBinding found = this.binding;
		if (found == null) {
			if (this.type == null) {
				throw new IllegalStateException("RecordDeserializer is used only for a known record type");
			}
			// two threads may both build it: the bindings are equal, and either will do
			found = new RecordBinding(new RecordComponents(this.type), null, context);
			this.binding = found;
		}
		return found;
	}

}

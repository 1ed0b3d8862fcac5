package io.github.vapiwebhook.message;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.BeanProperty;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.util.TokenBuffer;

/**
 * Reads a {@link ServerMessage} (or one message record) from the JSON of a Vapi
 * {@code message} object, with any Jackson mapper: {@link ServerMessage} names it in its
 * {@code @JsonDeserialize}. The record is the one {@link MessageTypes} gives for its
 * {@code type}.
 * <p>
 * The message is read in one pass. Properties before {@code type} are buffered (Vapi
 * sends {@code type} first or second, so little or nothing is); from {@code type} on,
 * each property goes straight into its record's {@link RecordBinding}. Unknown properties
 * are skipped, whatever the mapper's {@code FAIL_ON_UNKNOWN_PROPERTIES} says. A message
 * of an unknown type becomes an {@link UnknownMessage} holding the whole object.
 * <p>
 * An {@link EventMessage} is never refused for its content: it is buffered whole, then
 * read with a {@link FieldDrops} in the context, so that a field missing or of the wrong
 * shape, at any depth, is left absent and reported in its {@link DroppedFields}, which
 * keep the object as received. A request message is refused for such a field, and so is a
 * {@code tool-calls} without any call, which no reply can answer.
 */
final class ServerMessageDeserializer extends ValueDeserializer<ServerMessage> {

	private static final String TYPE = "type";

	private final MessageTypes types = new MessageTypes();

	/** The type asked for: {@link ServerMessage}, a sub-interface or one record. */
	private final Class<?> requested;

	private final RecordComponents context = new RecordComponents(MessageContext.class);

	/** Built on first use: most mappers meet only a few message types. */
	private final ConcurrentMap<Class<?>, RecordBinding> bindings = new ConcurrentHashMap<>();

	ServerMessageDeserializer() {
		this(ServerMessage.class);
	}

	private ServerMessageDeserializer(Class<?> requested) {
		this.requested = requested;
	}

	@Override
	public ValueDeserializer<?> createContextual(DeserializationContext context, @Nullable BeanProperty property) {
		JavaType type = context.getContextualType();
		Class<?> raw = (type != null) ? type.getRawClass() : ServerMessage.class;
		return (raw == this.requested || !ServerMessage.class.isAssignableFrom(raw)) ? this
				: new ServerMessageDeserializer(raw);
	}

	@Override
	public Class<?> handledType() {
		return this.requested;
	}

	@Override
	public boolean isCachable() {
		return true;
	}

	@Override
	public ServerMessage deserialize(JsonParser parser, DeserializationContext context) {
		JsonToken token = parser.currentToken();
		if (token == JsonToken.START_OBJECT) {
			token = parser.nextToken();
		}
		else if (token != JsonToken.PROPERTY_NAME && token != JsonToken.END_OBJECT) {
			return (ServerMessage) context.handleUnexpectedToken(this.requested, parser);
		}
		TokenBuffer before = null;
		for (; token == JsonToken.PROPERTY_NAME; token = parser.nextToken()) {
			String name = parser.currentName();
			parser.nextToken();
			if (TYPE.equals(name)) {
				return read(type(parser, context), before, parser, context);
			}
			if (before == null) {
				before = context.bufferForInputBuffering(parser);
				before.writeStartObject();
			}
			before.writeName(name);
			before.copyCurrentStructure(parser);
		}
		throw invalid(context, MessageContext.MISSING_TYPE);
	}

	/**
	 * Reads the rest of a message whose type is known: first what was buffered, then the
	 * properties after {@code type}.
	 */
	private ServerMessage read(String type, @Nullable TokenBuffer before, JsonParser parser,
			DeserializationContext context) {
		Class<?> recordType = recordType(type, context);
		if (recordType == UnknownMessage.class) {
			// the whole object as a tree, and the context read from that tree
			ObjectNode raw = context.getNodeFactory().objectNode().put(TYPE, type);
			forEachProperty(type, before, parser, context, (name, value) -> raw.set(name, context.readTree(value)));
			return new UnknownMessage(readContext(type, raw, context), raw);
		}
		if (EventMessage.class.isAssignableFrom(recordType)) {
			return FieldDrops.failFastRequested(context)
					? readEvent(type, recordType, before, parser, FieldDrops.failingFast(), context)
					: readEvent(type, recordType, whole(type, before, parser, context), context);
		}
		RecordBinding binding = binding(recordType, context);
		@Nullable Object[] values = binding.start();
		forEachProperty(type, before, parser, context,
				(name, value) -> binding.read(values, name, value, context, null));
		ServerMessage message = (ServerMessage) binding.build(values, type, context);
		if (message instanceof ToolCallsMessage toolCalls && toolCalls.calls().isEmpty()) {
			// its reply is one result per call: with none, there is nothing to answer
			throw invalid(context, "tool-calls has no tool call");
		}
		return message;
	}

	/**
	 * Reads an event from its buffered object, dropping what cannot be read.
	 */
	private ServerMessage readEvent(String type, Class<?> recordType, TokenBuffer whole,
			DeserializationContext context) {
		try (JsonParser buffered = whole.asParserOnFirstToken(context)) {
			FieldDrops drops = new FieldDrops(buffered);
			return readEvent(type, recordType, null, buffered, drops, context,
					() -> drops.paths().isEmpty() ? null : new DroppedFields(drops.paths(), raw(whole, context)));
		}
	}

	/**
	 * Reads an event that fails at the first field it would drop: its reader reads it
	 * again if it does.
	 */
	private ServerMessage readEvent(String type, Class<?> recordType, @Nullable TokenBuffer before, JsonParser parser,
			FieldDrops failingFast, DeserializationContext context) {
		return readEvent(type, recordType, before, parser, failingFast, context, () -> null);
	}

	private ServerMessage readEvent(String type, Class<?> recordType, @Nullable TokenBuffer before, JsonParser parser,
			FieldDrops drops, DeserializationContext context, Supplier<@Nullable DroppedFields> dropped) {
		RecordBinding binding = binding(recordType, context);
		@Nullable Object[] values = binding.start();
		Object previous = drops.install(context);
		FieldDrops recording = drops.records() ? drops : null;
		try {
			forEachProperty(type, before, parser, context,
					(name, value) -> binding.read(values, name, value, context, recording));
		}
		finally {
			FieldDrops.restore(context, previous);
		}
		binding.reportMissing(values, drops);
		return (ServerMessage) binding.build(values, type, dropped.get(), context);
	}

	/**
	 * The whole message object in a buffer, its properties in the order received: those
	 * buffered before {@code type}, {@code type}, and the rest of the object.
	 */
	private static TokenBuffer whole(String type, @Nullable TokenBuffer before, JsonParser parser,
			DeserializationContext context) {
		TokenBuffer whole = context.bufferForInputBuffering(parser);
		whole.writeStartObject();
		if (before != null) {
			before.writeEndObject();
			try (JsonParser buffered = before.asParserOnFirstToken(context)) {
				copyProperties(buffered, whole);
			}
		}
		whole.writeName(TYPE);
		whole.writeString(type);
		copyProperties(parser, whole);
		whole.writeEndObject();
		return whole;
	}

	/** Copies the properties up to the end of the object the parser is in. */
	private static void copyProperties(JsonParser parser, TokenBuffer into) {
		while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
			into.copyCurrentStructure(parser);
		}
	}

	private static ObjectNode raw(TokenBuffer whole, DeserializationContext context) {
		try (JsonParser buffered = whole.asParserOnFirstToken(context)) {
			return (ObjectNode) context.readTree(buffered);
		}
	}

	private MessageContext readContext(String type, ObjectNode raw, DeserializationContext context) {
		RecordBinding binding = binding(MessageContext.class, context);
		@Nullable Object[] values = binding.start();
		// a message of an unknown type is never answered with a reply of its own: like an
		// event it is read whatever its content, a common field of the wrong shape left
		// out
		try (JsonParser tree = raw.traverse(context)) {
			tree.nextToken();
			FieldDrops drops = new FieldDrops(tree);
			Object previous = drops.install(context);
			try {
				forEachProperty(type, null, tree, context,
						(name, value) -> binding.read(values, name, value, context, drops));
			}
			finally {
				FieldDrops.restore(context, previous);
			}
			return (MessageContext) binding.build(values, type,
					drops.paths().isEmpty() ? null : new DroppedFields(drops.paths(), raw), context);
		}
	}

	/**
	 * Hands each property to an action, with the parser on its value: first the buffered
	 * ones, then those up to the end of the object the parser is in.
	 */
	private static void forEachProperty(String type, @Nullable TokenBuffer before, JsonParser parser,
			DeserializationContext context, BiConsumer<String, JsonParser> action) {
		if (before != null) {
			before.writeEndObject();
			try (JsonParser buffered = before.asParserOnFirstToken(context)) {
				forEachProperty(type, null, buffered, context, action);
			}
		}
		while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
			String name = parser.currentName();
			parser.nextToken();
			if (TYPE.equals(name)) {
				checkSameType(type, parser, context);
			}
			else {
				action.accept(name, parser);
			}
		}
	}

	/** The record for a type, checked against the type asked for. */
	private Class<?> recordType(String type, DeserializationContext context) {
		Class<? extends ServerMessage> known = this.types.recordOf(type);
		if (this.requested == UnknownMessage.class) {
			return UnknownMessage.class;
		}
		if (this.requested.isAssignableFrom(known)) {
			return known;
		}
		return context.reportInputMismatch(this, "A message of type '%s' is not a %s", type,
				this.requested.getSimpleName());
	}

	private RecordBinding binding(Class<?> type, DeserializationContext context) {
		return this.bindings.computeIfAbsent(type,
				(key) -> new RecordBinding((key != MessageContext.class) ? new RecordComponents(key) : null,
						this.context, context));
	}

	private static String type(JsonParser parser, DeserializationContext context) {
		if (!parser.hasToken(JsonToken.VALUE_STRING)) {
			throw invalid(context, MessageContext.MISSING_TYPE);
		}
		return parser.getString();
	}

	/**
	 * A second {@code type} must repeat the first: the first one chose the record.
	 */
	private static void checkSameType(String type, JsonParser parser, DeserializationContext context) {
		if (!type.equals(type(parser, context))) {
			throw invalid(context, "'message.type' is given twice with different values");
		}
	}

	/**
	 * A Jackson exception, as a mapper's user expects, with the message's own exception
	 * as its cause for {@link ServerMessageReader}.
	 */
	private static DatabindException invalid(DeserializationContext context, String message) {
		return DatabindException.from(context, message, new InvalidMessageException(message));
	}

}

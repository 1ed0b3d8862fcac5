package io.github.vapiwebhook.message;

import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.BeanProperty;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.InjectableValues;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.cfg.MapperConfig;
import tools.jackson.databind.introspect.Annotated;
import tools.jackson.databind.introspect.JacksonAnnotationIntrospector;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns the raw bytes of a webhook request into a typed {@link ServerMessage}. This is
 * the only place where a {@code type} string becomes a Java type. Unknown types become an
 * {@link UnknownMessage}; unknown fields are ignored everywhere.
 */
public class ServerMessageReader {

	private static final Map<String, Class<? extends ServerMessage>> BY_NAME = Map.ofEntries(
			Map.entry("assistant-request", AssistantRequestMessage.class),
			Map.entry("tool-calls", ToolCallsMessage.class), Map.entry("function-call", FunctionCallMessage.class),
			Map.entry("transfer-destination-request", TransferDestinationRequestMessage.class),
			Map.entry("handoff-destination-request", HandoffDestinationRequestMessage.class),
			Map.entry("knowledge-base-request", KnowledgeBaseRequestMessage.class),
			Map.entry("voice-request", VoiceRequestMessage.class),
			Map.entry("call.endpointing.request", CallEndpointingRequestMessage.class),
			Map.entry("campaign.predial", CampaignPredialMessage.class),
			Map.entry("status-update", StatusUpdateMessage.class),
			Map.entry("end-of-call-report", EndOfCallReportMessage.class),
			Map.entry("conversation-update", ConversationUpdateMessage.class),
			Map.entry("transcript", TranscriptMessage.class),
			Map.entry("transcript[transcriptType=\"final\"]", TranscriptMessage.class),
			Map.entry("speech-update", SpeechUpdateMessage.class), Map.entry("model-output", ModelOutputMessage.class),
			Map.entry("user-interrupted", UserInterruptedMessage.class), Map.entry("hang", HangMessage.class),
			Map.entry("transfer-update", TransferUpdateMessage.class),
			Map.entry("phone-call-control", PhoneCallControlMessage.class),
			Map.entry("language-change-detected", LanguageChangeDetectedMessage.class),
			Map.entry("language-changed", LanguageChangedMessage.class),
			Map.entry("voice-input", VoiceInputMessage.class),
			Map.entry("assistant.speechStarted", AssistantSpeechStartedMessage.class),
			Map.entry("assistant.started", AssistantStartedMessage.class),
			Map.entry("chat.created", ChatCreatedMessage.class), Map.entry("chat.deleted", ChatDeletedMessage.class),
			Map.entry("session.created", SessionCreatedMessage.class),
			Map.entry("session.updated", SessionUpdatedMessage.class),
			Map.entry("session.deleted", SessionDeletedMessage.class),
			Map.entry("call.deleted", CallDeletedMessage.class),
			Map.entry("call.delete.failed", CallDeleteFailedMessage.class),
			Map.entry("call.artifact.upload", CallArtifactUploadMessage.class));

	/**
	 * Injects no context, so that the record's instantiator builds it from the context
	 * fields it bound in the same pass.
	 */
	private static final InjectableValues NO_CONTEXT = new InjectableValues() {

		@Override
		public @Nullable Object findInjectableValue(DeserializationContext context, Object valueId,
				@Nullable BeanProperty forProperty, @Nullable Object beanInstance, @Nullable Boolean optional,
				@Nullable Boolean useInput) {
			return null;
		}

		@Override
		public InjectableValues snapshot() {
			return this;
		}

	};

	private final ObjectMapper mapper;

	private final ObjectReader contextReader;

	private final ClassValue<ObjectReader> readers;

	private final ClassValue<Boolean> onePass = new ClassValue<>() {

		@Override
		protected Boolean computeValue(Class<?> type) {
			return ContextProperties.bindsInOnePass(type);
		}

	};

	/**
	 * Creates a reader with its own Jackson mapper, so that changes to the application's
	 * mapper cannot make it strict about fields Vapi adds.
	 */
	public ServerMessageReader() {
		this.mapper = JsonMapper.builder()
			.annotationIntrospector(new SkipUnknownProperties())
			.addModule(new SimpleModule("vapi-records") {

				@Override
				public void setupModule(SetupContext context) {
					super.setupModule(context);
					context.addValueInstantiators(new SpreadingConstructors());
				}

			})
			.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
			.disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
			// both passes stop at the end of the message object; the first pass checks
			// the rest
			.disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
			.build();
		this.contextReader = this.mapper.readerFor(MessageContext.class);
		// built on first use: a reader builds its record's deserializers at once, and
		// building all of them would lengthen startup for types that may never arrive
		this.readers = new ClassValue<>() {

			@Override
			protected ObjectReader computeValue(Class<?> type) {
				return ServerMessageReader.this.mapper.readerFor(type);
			}

		};
	}

	/**
	 * Reads a message from the exact bytes of a request body.
	 * <p>
	 * A well-formed message of a known type is bound in one pass: a look finds the type
	 * (short, since Vapi sends {@code type} first), then the record and its context are
	 * bound together. Everything else, unknown types and every body the one pass cannot
	 * take as it is, goes the two-pass way, which also gives the errors.
	 * @param body the request body
	 * @return the typed message
	 * @throws InvalidMessageException when the body is not JSON, has no {@code message}
	 * object or no {@code message.type}, or a field has the wrong shape
	 */
	public ServerMessage read(byte[] body) {
		ServerMessage message = readInOnePass(body);
		return (message != null) ? message : readInTwoPasses(body);
	}

	/**
	 * Reads a message the one-pass way only, when it can.
	 * @param body the request body
	 * @return the typed message, or {@code null} when the body is not for the one pass
	 */
	@Nullable ServerMessage readInOnePass(byte[] body) {
		String peeked = peekType(body);
		Class<? extends ServerMessage> type = (peeked != null) ? BY_NAME.get(peeked) : null;
		return (type != null && this.onePass.get(type)) ? readInOnePass(body, type, peeked) : null;
	}

	/**
	 * Reads a message the two-pass way only: the envelope and context first, then the
	 * type's record. Every error of {@link #read} comes from here.
	 * @param body the request body
	 * @return the typed message
	 */
	ServerMessage readInTwoPasses(byte[] body) {
		MessageContext context = readContext(body);
		Class<? extends ServerMessage> type = BY_NAME.get(context.type());
		if (type == null) {
			return new UnknownMessage(context, messageNode(body));
		}
		return readTyped(body, type, context);
	}

	/**
	 * The string value of the first {@code type} in the first {@code message} object, or
	 * {@code null} when there is none or the body does not get that far as JSON. Stops as
	 * soon as it finds it.
	 */
	private @Nullable String peekType(byte[] body) {
		try (JsonParser parser = this.mapper.createParser(body)) {
			if (parser.nextToken() != JsonToken.START_OBJECT || !toMessage(parser)) {
				return null;
			}
			while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
				String field = parser.currentName();
				JsonToken value = parser.nextToken();
				if ("type".equals(field)) {
					return (value == JsonToken.VALUE_STRING) ? parser.getString() : null;
				}
				parser.skipChildren();
			}
			return null;
		}
		catch (JacksonException ex) {
			return null;
		}
	}

	/**
	 * Binds the record of a known type and its context in one pass over the body,
	 * checking the envelope as the first pass of {@link #readInTwoPasses} does; gives
	 * {@code null} for anything that is not a clean read of the peeked type (a second
	 * {@code type}, malformed JSON, a field of the wrong shape), which the two-pass way
	 * then reads or refuses with its own error.
	 */
	private @Nullable ServerMessage readInOnePass(byte[] body, Class<? extends ServerMessage> type, String peeked) {
		try (JsonParser parser = this.mapper.createParser(body)) {
			if (parser.nextToken() != JsonToken.START_OBJECT || !toMessage(parser)) {
				return null;
			}
			ServerMessage message = this.readers.get(type).with(NO_CONTEXT).readValue(parser);
			skipOtherMessages(parser);
			if (parser.nextToken() != null || message == null || message.context() == null
					|| !peeked.equals(message.type())) {
				return null;
			}
			return message;
		}
		catch (JacksonException | InvalidMessageException ex) {
			return null;
		}
	}

	/**
	 * The message types this reader turns into their own records.
	 * @return the known type strings
	 */
	public Set<String> knownTypes() {
		return BY_NAME.keySet();
	}

	/**
	 * First pass: checks the envelope (one JSON object with a {@code message} object and
	 * nothing after it) and binds the fields common to all messages, {@code type} among
	 * them, skipping everything else as it goes.
	 */
	private MessageContext readContext(byte[] body) {
		try (JsonParser parser = this.mapper.createParser(body)) {
			if (parser.nextToken() != JsonToken.START_OBJECT) {
				throw new InvalidMessageException("Request body must be a JSON object");
			}
			MessageContext context = toMessage(parser) ? this.contextReader.readValue(parser) : null;
			skipOtherMessages(parser);
			if (parser.nextToken() != null) {
				throw new InvalidMessageException("Request body has content after its JSON object");
			}
			if (context == null) {
				throw new InvalidMessageException("Request body has no 'message' object");
			}
			return context;
		}
		catch (InputCoercionException ex) {
			// valid JSON, but a number out of range of its field
			throw unreadable(ex);
		}
		catch (StreamReadException ex) {
			throw malformed(ex);
		}
		catch (JacksonException ex) {
			throw unreadable(ex);
		}
	}

	/**
	 * Second pass: binds the type's own record with the context of the first pass
	 * injected, skipping the common fields. Two passes that skip what they do not bind
	 * cost less than the {@code @JsonUnwrapped} they replace, which buffered every common
	 * field in a token buffer and replayed it.
	 */
	private ServerMessage readTyped(byte[] body, Class<? extends ServerMessage> type, MessageContext context) {
		try (JsonParser parser = atMessage(body)) {
			return this.readers.get(type)
				.with(new InjectableValues.Std().addValue(MessageContext.class, context))
				.readValue(parser);
		}
		catch (JacksonException ex) {
			throw unreadable(ex);
		}
	}

	/** A parser on the start of the {@code message} object, which the scan found. */
	private JsonParser atMessage(byte[] body) {
		JsonParser parser = this.mapper.createParser(body);
		parser.nextToken();
		if (toMessage(parser)) {
			return parser;
		}
		parser.close();
		throw new InvalidMessageException("Request body has no 'message' object");
	}

	/**
	 * Moves a parser inside the root object to the start of the next {@code message}
	 * object, skipping every other property.
	 * @return {@code false} at the end of the root object
	 */
	private static boolean toMessage(JsonParser parser) {
		while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
			String name = parser.currentName();
			if (parser.nextToken() == JsonToken.START_OBJECT && "message".equals(name)) {
				return true;
			}
			parser.skipChildren();
		}
		return false;
	}

	/** Skips the rest of the root object: only its first message object counts. */
	private static void skipOtherMessages(JsonParser parser) {
		while (toMessage(parser)) {
			parser.skipChildren();
		}
	}

	private static InvalidMessageException malformed(StreamReadException ex) {
		return new InvalidMessageException("Request body is not valid JSON (line %d, column %d)"
			.formatted(ex.getLocation().getLineNr(), ex.getLocation().getColumnNr()), ex);
	}

	private ObjectNode messageNode(byte[] body) {
		JsonNode root;
		try {
			root = this.mapper.readTree(body);
		}
		catch (StreamReadException ex) {
			throw malformed(ex);
		}
		catch (JacksonException ex) {
			throw new InvalidMessageException("Request body is not valid JSON", ex);
		}
		if (root == null || !root.isObject()) {
			throw new InvalidMessageException("Request body must be a JSON object");
		}
		JsonNode message = root.get("message");
		if (message == null || !message.isObject()) {
			throw new InvalidMessageException("Request body has no 'message' object");
		}
		JsonNode type = message.get("type");
		if (type == null || !type.isString() || type.asString().isBlank()) {
			throw new InvalidMessageException("'message.type' is missing or not a string");
		}
		return (ObjectNode) message;
	}

	private static InvalidMessageException unreadable(JacksonException ex) {
		if (ex instanceof DatabindException) {
			InvalidMessageException cause = findCause(ex);
			if (cause != null) {
				return cause;
			}
			return new InvalidMessageException("Field 'message%s' has an unexpected value".formatted(path(ex)), ex);
		}
		// A number out of range of its field is an InputCoercionException, not a
		// DatabindException; it must still be the client's 400, not a 500.
		return new InvalidMessageException("Field 'message%s' has a value out of range".formatted(path(ex)), ex);
	}

	private static @Nullable InvalidMessageException findCause(Throwable ex) {
		for (Throwable t = ex; t != null; t = t.getCause()) {
			if (t instanceof InvalidMessageException invalid) {
				return invalid;
			}
		}
		return null;
	}

	private static String path(JacksonException ex) {
		return ex.getPath()
			.stream()
			.map((ref) -> (ref.getPropertyName() != null) ? "." + ref.getPropertyName() : "[" + ref.getIndex() + "]")
			.collect(Collectors.joining());
	}

	/**
	 * Marks every type as ignoring unknown properties. Without it, Jackson copies each
	 * unknown property of a record (a type bound through its constructor) into a token
	 * buffer before dropping it, and the common fields are unknown to every message
	 * record: the copying cost more than the binding itself. With it, they are skipped as
	 * they are read.
	 */
	private static final class SkipUnknownProperties extends JacksonAnnotationIntrospector {

		private static final JsonIgnoreProperties.Value IGNORE_UNKNOWN = JsonIgnoreProperties.Value
			.forIgnoreUnknown(true);

		@Override
		public JsonIgnoreProperties.Value findPropertyIgnoralByName(MapperConfig<?> config, Annotated annotated) {
			JsonIgnoreProperties.Value declared = super.findPropertyIgnoralByName(config, annotated);
			return (declared != null) ? declared.withIgnoreUnknown() : IGNORE_UNKNOWN;
		}

	}

}

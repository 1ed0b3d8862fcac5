package io.github.vapiwebhook.message;

import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
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

	private final ObjectMapper mapper;

	/**
	 * Creates a reader with its own Jackson mapper, so that changes to the application's
	 * mapper cannot make it strict about fields Vapi adds.
	 */
	public ServerMessageReader() {
		this.mapper = JsonMapper.builder()
			.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
			.disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
			// the typed read stops at the end of the message object; the scan checks the
			// rest
			.disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
			.build();
	}

	/**
	 * Reads a message from the exact bytes of a request body.
	 * @param body the request body
	 * @return the typed message
	 * @throws InvalidMessageException when the body is not JSON, has no {@code message}
	 * object or no {@code message.type}, or a field has the wrong shape
	 */
	public ServerMessage read(byte[] body) {
		Class<? extends ServerMessage> type = BY_NAME.get(scanType(body));
		if (type == null) {
			ObjectNode message = messageNode(body);
			return new UnknownMessage(convert(message, MessageContext.class), message);
		}
		return readTyped(body, type);
	}

	/**
	 * The message types this reader turns into their own records.
	 * @return the known type strings
	 */
	public Set<String> knownTypes() {
		return BY_NAME.keySet();
	}

	/**
	 * Finds {@code message.type} in one streaming pass that builds nothing (other values
	 * are skipped), checking the envelope on the way; the typed read then parses the
	 * message once, straight into its record.
	 */
	private String scanType(byte[] body) {
		try (JsonParser parser = this.mapper.createParser(body)) {
			if (parser.nextToken() != JsonToken.START_OBJECT) {
				throw new InvalidMessageException("Request body must be a JSON object");
			}
			boolean sawMessage = false;
			String type = null;
			while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
				String name = parser.currentName();
				if (parser.nextToken() == JsonToken.START_OBJECT && "message".equals(name)) {
					sawMessage = true;
					type = scanMessage(parser);
				}
				else {
					parser.skipChildren();
				}
			}
			if (parser.nextToken() != null) {
				throw new InvalidMessageException("Request body has content after its JSON object");
			}
			if (!sawMessage) {
				throw new InvalidMessageException("Request body has no 'message' object");
			}
			if (type == null || type.isBlank()) {
				throw new InvalidMessageException("'message.type' is missing or not a string");
			}
			return type;
		}
		catch (StreamReadException ex) {
			throw malformed(ex);
		}
		catch (JacksonException ex) {
			throw new InvalidMessageException("Request body is not valid JSON", ex);
		}
	}

	private static @Nullable String scanMessage(JsonParser parser) {
		String type = null;
		while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
			String name = parser.currentName();
			JsonToken value = parser.nextToken();
			if ("type".equals(name)) {
				type = (value == JsonToken.VALUE_STRING) ? parser.getString() : null;
			}
			parser.skipChildren();
		}
		return type;
	}

	private ServerMessage readTyped(byte[] body, Class<? extends ServerMessage> type) {
		try (JsonParser parser = this.mapper.createParser(body)) {
			parser.nextToken();
			while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
				String name = parser.currentName();
				if (parser.nextToken() == JsonToken.START_OBJECT && "message".equals(name)) {
					return this.mapper.readerFor(type).readValue(parser);
				}
				parser.skipChildren();
			}
			throw new InvalidMessageException("Request body has no 'message' object");
		}
		catch (JacksonException ex) {
			throw unreadable(ex);
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

	private <T> T convert(ObjectNode message, Class<T> type) {
		try {
			return this.mapper.readerFor(type).readValue(message);
		}
		catch (JacksonException ex) {
			throw unreadable(ex);
		}
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

}

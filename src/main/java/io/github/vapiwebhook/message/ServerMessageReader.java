package io.github.vapiwebhook.message;

import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.InjectableValues;
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
		ObjectNode message = messageNode(body);
		MessageContext context = convert(message, MessageContext.class, null);
		Class<? extends ServerMessage> type = BY_NAME.get(context.type());
		if (type == null) {
			return new UnknownMessage(context, message);
		}
		return convert(message, type, context);
	}

	/**
	 * The message types this reader turns into their own records.
	 * @return the known type strings
	 */
	public Set<String> knownTypes() {
		return BY_NAME.keySet();
	}

	private ObjectNode messageNode(byte[] body) {
		JsonNode root;
		try {
			root = this.mapper.readTree(body);
		}
		catch (StreamReadException ex) {
			throw new InvalidMessageException("Request body is not valid JSON (line %d, column %d)"
				.formatted(ex.getLocation().getLineNr(), ex.getLocation().getColumnNr()), ex);
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

	private <T> T convert(ObjectNode message, Class<T> type, @Nullable MessageContext context) {
		try {
			var reader = this.mapper.readerFor(type);
			if (context != null) {
				reader = reader.with(new InjectableValues.Std().addValue(MessageContext.class, context));
			}
			return reader.readValue(message);
		}
		catch (DatabindException ex) {
			InvalidMessageException cause = findCause(ex);
			if (cause != null) {
				throw cause;
			}
			throw new InvalidMessageException("Field 'message%s' has an unexpected value".formatted(path(ex)), ex);
		}
		catch (JacksonException ex) {
			// A number out of range of its field is an InputCoercionException, not a
			// DatabindException; it must still be the client's 400, not a 500.
			throw new InvalidMessageException("Field 'message%s' has a value out of range".formatted(path(ex)), ex);
		}
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

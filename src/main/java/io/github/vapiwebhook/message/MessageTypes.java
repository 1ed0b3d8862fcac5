package io.github.vapiwebhook.message;

import java.util.Map;
import java.util.Set;

/**
 * The message types this server knows, each with its record: the only place where a
 * {@code type} string becomes a Java type, asked by {@link ServerMessageDeserializer}.
 */
final class MessageTypes {

	private final Map<String, Class<? extends ServerMessage>> records = Map.ofEntries(
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
	 * The record for a type.
	 * @param type the {@code type} string as sent
	 * @return its record, or {@link UnknownMessage} for a type this server does not know
	 */
	Class<? extends ServerMessage> recordOf(String type) {
		return this.records.getOrDefault(type, UnknownMessage.class);
	}

	/**
	 * The types this server knows.
	 * @return the type strings
	 */
	Set<String> names() {
		return this.records.keySet();
	}

}

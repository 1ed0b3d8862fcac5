package io.github.vapiwebhook.message;

/**
 * A server message that informs: Vapi ignores the reply body, so it is acknowledged at
 * once and its listeners run afterwards.
 */
public sealed interface EventMessage extends ServerMessage permits StatusUpdateMessage, EndOfCallReportMessage,
		ConversationUpdateMessage, TranscriptMessage, SpeechUpdateMessage, ModelOutputMessage, UserInterruptedMessage,
		HangMessage, TransferUpdateMessage, PhoneCallControlMessage, LanguageChangeDetectedMessage,
		LanguageChangedMessage, VoiceInputMessage, AssistantSpeechStartedMessage, AssistantStartedMessage,
		ChatCreatedMessage, ChatDeletedMessage, SessionCreatedMessage, SessionUpdatedMessage, SessionDeletedMessage,
		CallDeletedMessage, CallDeleteFailedMessage, CallArtifactUploadMessage, VoiceRequestMessage {

}

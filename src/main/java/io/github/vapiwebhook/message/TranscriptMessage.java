package io.github.vapiwebhook.message;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A {@code transcript} (or {@code transcript[transcriptType="final"]}): the transcriber
 * produced partial or final text. Holds what the caller said: never log it.
 *
 * @param context the fields common to all messages
 * @param role {@code assistant} or {@code user}
 * @param transcriptType {@code partial} or {@code final}
 * @param transcript the text
 * @param assistantId the speaking assistant, for the assistant role
 * @param assistantName the speaking assistant's name, for the assistant role
 * @param isFiltered whether the text was filtered for threats
 * @param detectedThreats the threats found
 * @param originalTranscript the text before filtering
 */
public record TranscriptMessage(MessageContext context, @Nullable String role, @Nullable String transcriptType,
		String transcript, @Nullable String assistantId, @Nullable String assistantName, @Nullable Boolean isFiltered,
		List<String> detectedThreats, @Nullable String originalTranscript) implements EventMessage {

	public TranscriptMessage {
		transcript = (transcript != null) ? transcript : "";
		detectedThreats = (detectedThreats != null) ? List.copyOf(detectedThreats) : List.of();
	}

	/**
	 * Whether this is final rather than partial text.
	 * @return {@code true} for a final transcript
	 */
	public boolean isFinal() {
		return "final".equals(this.transcriptType);
	}

	/**
	 * Describes this object without personal data or conversation content, which must
	 * never reach the logs.
	 * @return a redacted description
	 */
	@Override
	public String toString() {
		return "TranscriptMessage[type=" + type() + ", callId=" + callId() + ", role=" + this.role + ", transcriptType="
				+ this.transcriptType + ", transcript redacted]";
	}

}

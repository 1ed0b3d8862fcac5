package io.github.vapiwebhook.message;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * What a call produced: the conversation, the transcript and the recordings. Holds
 * transcripts and personal data: never log it.
 *
 * @param messages the conversation in Vapi's format
 * @param messagesOpenAIFormatted the conversation in OpenAI's format
 * @param transcript the transcript as lines of {@code AI: ...} and {@code User: ...}
 * @param recordingUrl the mono recording (deprecated flat form)
 * @param stereoRecordingUrl the stereo recording (deprecated flat form)
 * @param videoRecordingUrl the video recording (deprecated flat form)
 * @param recording the recordings (structured form)
 * @param pcapUrl the SIP packet capture
 * @param logUrl the call log
 * @param variableValues the values of template variables
 * @param performanceMetrics latency metrics, passed through unread
 * @param structuredOutputs structured outputs, passed through unread
 */
@JsonDeserialize(using = RecordDeserializer.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Artifact(List<ConversationMessage> messages,
		@JsonProperty("messagesOpenAIFormatted") List<OpenAiMessage> messagesOpenAIFormatted,
		@Nullable String transcript, @Nullable String recordingUrl, @Nullable String stereoRecordingUrl,
		@Nullable String videoRecordingUrl, @Nullable Recording recording, @Nullable String pcapUrl,
		@Nullable String logUrl, @Nullable JsonNode variableValues, @Nullable JsonNode performanceMetrics,
		@Nullable JsonNode structuredOutputs) {

	public Artifact {
		messages = (messages != null) ? List.copyOf(messages) : List.of();
		messagesOpenAIFormatted = (messagesOpenAIFormatted != null) ? List.copyOf(messagesOpenAIFormatted) : List.of();
	}

	/**
	 * The recordings of a call.
	 *
	 * @param stereoUrl stereo recording, one channel per side
	 * @param videoUrl video recording
	 * @param mono the mono recordings
	 */
	@JsonDeserialize(using = RecordDeserializer.class)
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record Recording(@Nullable String stereoUrl, @Nullable String videoUrl, @Nullable Mono mono) {
	}

	/**
	 * The mono recordings of a call.
	 *
	 * @param combinedUrl both sides mixed
	 * @param assistantUrl the assistant only
	 * @param customerUrl the customer only
	 */
	@JsonDeserialize(using = RecordDeserializer.class)
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record Mono(@Nullable String combinedUrl, @Nullable String assistantUrl, @Nullable String customerUrl) {
	}

	/**
	 * Describes this object without personal data or conversation content, which must
	 * never reach the logs.
	 * @return a redacted description
	 */
	@Override
	public String toString() {
		return "Artifact[" + this.messages.size() + " messages, transcript and recordings redacted]";
	}

}

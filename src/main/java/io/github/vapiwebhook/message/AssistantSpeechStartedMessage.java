package io.github.vapiwebhook.message;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * An {@code assistant.speechStarted}: the assistant's audio for a turn segment started
 * playing.
 *
 * @param context the fields common to all messages
 * @param text the full text of the turn so far
 * @param turn the turn
 * @param source {@code model}, {@code force-say} or {@code custom-voice}
 * @param timing word timings, passed through unread
 */
public record AssistantSpeechStartedMessage(MessageContext context, @Nullable String text, @Nullable Integer turn,
		@Nullable String source, @Nullable JsonNode timing) implements EventMessage {

	/**
	 * Describes this object without personal data or conversation content, which must
	 * never reach the logs.
	 * @return a redacted description
	 */
	@Override
	public String toString() {
		return "AssistantSpeechStartedMessage[type=" + type() + ", callId=" + callId() + ", turn=" + this.turn
				+ ", text redacted]";
	}

}

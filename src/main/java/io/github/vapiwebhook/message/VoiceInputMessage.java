package io.github.vapiwebhook.message;

import org.jspecify.annotations.Nullable;

/**
 * A {@code voice-input}: text handed to the voice provider.
 *
 * @param context the fields common to all messages
 * @param input the text to be spoken
 */
public record VoiceInputMessage(MessageContext context, @Nullable String input) implements EventMessage {

	/**
	 * Describes this object without personal data or conversation content, which must
	 * never reach the logs.
	 * @return a redacted description
	 */
	@Override
	public String toString() {
		return "VoiceInputMessage[type=" + type() + ", callId=" + callId() + ", input redacted]";
	}

}

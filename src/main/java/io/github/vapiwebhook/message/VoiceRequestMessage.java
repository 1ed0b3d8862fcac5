package io.github.vapiwebhook.message;

import org.jspecify.annotations.Nullable;

/**
 * A {@code voice-request}: a custom voice asks for audio. Vapi expects raw PCM in reply,
 * which this server does not produce; it acknowledges the message and logs that it is
 * unsupported.
 *
 * @param context the fields common to all messages
 * @param text the text to synthesise
 * @param sampleRate the sample rate of the PCM Vapi expects
 */
public record VoiceRequestMessage(MessageContext context, @Nullable String text,
		@Nullable Integer sampleRate) implements EventMessage {

	/**
	 * Describes this object without personal data or conversation content, which must
	 * never reach the logs.
	 * @return a redacted description
	 */
	@Override
	public String toString() {
		return "VoiceRequestMessage[type=" + type() + ", callId=" + callId() + ", sampleRate=" + this.sampleRate
				+ ", text redacted]";
	}

}

package io.github.vapiwebhook.message;

import org.jspecify.annotations.Nullable;
import com.fasterxml.jackson.annotation.JacksonInject;
import com.fasterxml.jackson.annotation.OptBoolean;

/**
 * A {@code voice-request}: a custom voice asks for audio. Vapi expects raw PCM in reply,
 * which this server does not produce; it acknowledges the message and logs that it is
 * unsupported.
 *
 * @param context the fields common to all messages
 * @param text the text to synthesise
 * @param sampleRate the sample rate of the PCM Vapi expects
 */
public record VoiceRequestMessage(@JacksonInject(useInput = OptBoolean.FALSE) MessageContext context,
		@Nullable String text, @Nullable Integer sampleRate) implements EventMessage {

}

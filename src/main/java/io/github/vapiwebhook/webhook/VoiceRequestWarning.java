package io.github.vapiwebhook.webhook;

import io.github.vapiwebhook.message.VoiceRequestMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.EventListener;

/**
 * Says clearly in the log that a {@code voice-request} was not answered: Vapi expects raw
 * PCM audio for it, which this server does not produce, so it only acknowledges the
 * message with {@code 200 {}}.
 */
class VoiceRequestWarning {

	private static final Logger logger = LoggerFactory.getLogger(VoiceRequestWarning.class);

	@EventListener
	void onVoiceRequest(VoiceRequestMessage message) {
		logger.warn(
				"Unsupported voice-request for call {} acknowledged without audio: this server does not "
						+ "synthesise raw PCM; use a built-in voice provider instead of custom-voice",
				message.callId());
	}

}

package io.github.vapiwebhook.webhook;

import io.github.vapiwebhook.message.UnknownMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.EventListener;

/**
 * Logs each message of a type this server does not know, so that new Vapi message types
 * are noticed; the message itself was acknowledged with {@code 200 {}}.
 */
class UnknownMessageLog {

	private static final Logger logger = LoggerFactory.getLogger(UnknownMessageLog.class);

	private static final int MAX_TYPE_LENGTH = 80;

	@EventListener
	void onUnknownMessage(UnknownMessage message) {
		logger.info("Acknowledged a message of unknown type '{}' for call {}", printable(message.type()),
				message.callId());
	}

	// The type comes from the request: keep log lines single and short.
	private static String printable(String type) {
		return (type.length() > MAX_TYPE_LENGTH) ? type.substring(0, MAX_TYPE_LENGTH) + "..." : type;
	}

}

package io.github.vapiwebhook.webhook;

import io.github.vapiwebhook.message.ServerMessage;

/**
 * Takes each answered message and publishes it as an application event, for the
 * application's {@code @EventListener} and {@code @ApplicationModuleListener} methods.
 * The HTTP answer goes out once {@link #accept(ServerMessage)} returns, so an
 * implementation must have taken responsibility for the message by then: the in-memory
 * one hands it to the executor; the durable one commits it to the database first, and
 * throws when it cannot (the answer is then a 503, so that a Vapi backoff plan retries).
 */
public interface ListenerInbox {

	/**
	 * Takes a message for delivery to its listeners.
	 * @param message the message
	 */
	void accept(ServerMessage message);

}

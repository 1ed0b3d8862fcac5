package io.github.vapiwebhook.webhook;

import io.github.vapiwebhook.message.ServerMessage;

/**
 * Takes acknowledged messages for their listeners. The HTTP answer goes out once
 * {@link #accept(ServerMessage)} returns, so an implementation must have taken
 * responsibility for the message by then (the in-memory one hands it to the executor; a
 * durable one stores it first).
 */
public interface ListenerInbox {

	/**
	 * Takes a message for delivery to its listeners.
	 * @param message the message
	 */
	void accept(ServerMessage message);

}

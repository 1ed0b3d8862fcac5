package io.github.vapiwebhook.webhook;

import io.github.vapiwebhook.message.ServerMessage;

/**
 * Receives messages of one type after they were acknowledged. Any number of listeners may
 * subscribe to a type; a listener for {@link ServerMessage} receives every message.
 * Listeners run off the request thread: they never delay the HTTP answer, and one that
 * throws affects no other.
 *
 * @param <M> the message type listened to
 */
public interface ServerMessageListener<M extends ServerMessage> {

	/**
	 * The message type this listener receives (subtypes included).
	 * @return the message class
	 */
	Class<M> messageType();

	/**
	 * Receives a message.
	 * @param message the message
	 * @throws Exception on failure; logged, other listeners are unaffected
	 */
	void onMessage(M message) throws Exception;

}

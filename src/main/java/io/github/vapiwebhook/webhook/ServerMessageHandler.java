package io.github.vapiwebhook.webhook;

import io.github.vapiwebhook.message.RequestMessage;

/**
 * Answers one type of request message. Declare it as a bean; exactly one handler may
 * exist per message type (two stop startup). Where none exists, a built-in default
 * answers. The answer is awaited for the type's deadline; a handler that is slower or
 * throws gets the type's fallback reply sent in its place.
 *
 * @param <M> the message type handled
 * @param <R> the reply type
 */
public interface ServerMessageHandler<M extends RequestMessage<R>, R> {

	/**
	 * The message type this handler answers.
	 * @return the message class
	 */
	Class<M> messageType();

	/**
	 * Answers a message.
	 * @param message the message
	 * @return the reply
	 * @throws Exception on failure; the fallback reply is sent instead
	 */
	R handle(M message) throws Exception;

	/**
	 * Whether this handler always answers within its type's deadline by itself, because
	 * it runs any slow work elsewhere under shorter deadlines of its own. The dispatcher
	 * then calls it on the request thread instead of handing it to another thread to time
	 * it, which saves two thread switches on the critical path. Leave it {@code false}
	 * unless that is guaranteed.
	 * @return {@code true} if the handler bounds its own time
	 */
	default boolean finishesWithinDeadline() {
		return false;
	}

}

package io.github.vapiwebhook.webhook;

import java.util.function.Function;

import io.github.vapiwebhook.message.RequestMessage;

/**
 * The built-in answers for one request type: the reply when no handler bean exists, and
 * the fallback reply when the handler is late or fails.
 *
 * @param <M> the message type
 * @param <R> the reply type
 * @param messageType the message type
 * @param whenUnhandled the reply when no handler bean exists
 * @param whenFailed the reply when the handler missed its deadline or threw
 */
public record DefaultReply<M extends RequestMessage<R>, R>(Class<M> messageType, Function<M, R> whenUnhandled,
		Function<M, R> whenFailed) {

}

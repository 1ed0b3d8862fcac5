package io.github.vapiwebhook.webhook;

import java.util.concurrent.CompletionException;
import java.util.function.Function;

import io.github.vapiwebhook.message.RequestMessage;

/**
 * How one request type is answered: by a handler bean or the built-in default, with the
 * fallback for when it is late or fails.
 *
 * @param <M> the message type
 * @param <R> the reply type
 * @param name the handler's bean name, for logs
 * @param handler the handler
 * @param fallback the built-in replies of the type
 * @param inline whether the reply is computed on the request thread: built-in replies
 * bound their own time (the tools feature runs each call under its own shorter deadline);
 * handler beans run on the {@link HandlerExecutor}, timed by the dispatcher
 */
record Route<M extends RequestMessage<R>, R>(String name, Function<M, R> handler, DefaultReply<M, R> fallback,
		boolean inline) {

	@SuppressWarnings("unchecked")
	static <M extends RequestMessage<R>, R> Route<M, R> of(String name, ServerMessageHandler<?, ?> bean,
			DefaultReply<?, ?> fallback) {
		ServerMessageHandler<M, R> handler = (ServerMessageHandler<M, R>) bean;
		return new Route<>(name, (message) -> {
			try {
				return handler.handle(message);
			}
			catch (Exception ex) {
				throw new CompletionException(ex);
			}
		}, (DefaultReply<M, R>) fallback, false);
	}

	static <M extends RequestMessage<R>, R> Route<M, R> ofDefault(DefaultReply<M, R> fallback) {
		return new Route<>("built-in default", fallback.whenUnhandled(), fallback, true);
	}

	R invoke(M message) {
		R reply = this.handler.apply(message);
		if (reply == null) {
			throw new IllegalStateException(this.name + " returned no reply");
		}
		return reply;
	}

}

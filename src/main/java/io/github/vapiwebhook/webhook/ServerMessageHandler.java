package io.github.vapiwebhook.webhook;

import io.github.vapiwebhook.message.RequestMessage;

import org.springframework.core.ResolvableType;

/**
 * Answers one type of request message. Declare it as a bean; exactly one handler may
 * exist per message type (two stop startup). Where none exists, a built-in reply answers
 * (for {@code tool-calls} and {@code function-call}, the {@code @VapiTool} methods). The
 * answer is awaited for the type's deadline; a handler that is slower or throws gets the
 * type's fallback reply sent in its place.
 * <p>
 * The message type is read from the type argument, as Spring does for
 * {@code ApplicationListener<E>}: {@code class Router implements
 * ServerMessageHandler<AssistantRequestMessage, AssistantRequestReply>}. Only a handler
 * whose type argument cannot be read (a lambda) overrides {@link #messageType()}.
 *
 * @param <M> the message type handled
 * @param <R> the reply type
 */
public interface ServerMessageHandler<M extends RequestMessage<R>, R> {

	/**
	 * The message type this handler answers: by default the type argument {@code M} of
	 * the implementing class.
	 * @return the message class
	 * @throws IllegalStateException when the type argument cannot be read
	 */
	@SuppressWarnings("unchecked")
	default Class<M> messageType() {
		Class<?> resolved = ResolvableType.forClass(ServerMessageHandler.class, getClass()).resolveGeneric(0);
		if (resolved == null || resolved == RequestMessage.class) {
			throw new IllegalStateException("The message type of " + getClass().getName()
					+ " cannot be read from its type arguments; override messageType()");
		}
		return (Class<M>) resolved;
	}

	/**
	 * Answers a message.
	 * @param message the message
	 * @return the reply
	 * @throws Exception on failure; the fallback reply is sent instead
	 */
	R handle(M message) throws Exception;

}

package io.github.vapiwebhook.webhook;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.github.vapiwebhook.message.RequestMessage;
import io.github.vapiwebhook.message.ServerMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Routes a message to its handler or listeners. Request messages are answered by their
 * one handler (or the built-in default) within the type's deadline, else by the fallback
 * reply; every message then goes to its listeners, which run after the answer.
 */
@Component
public class ServerMessageDispatcher {

	private static final Logger logger = LoggerFactory.getLogger(ServerMessageDispatcher.class);

	/** The answer to messages whose reply Vapi ignores. */
	public static final Map<String, Object> ACKNOWLEDGED = Map.of();

	private final Map<Class<?>, Route<?, ?>> routes;

	private final ListenerInbox inbox;

	private final HandlerExecutor executor;

	private final WebhookProperties properties;

	ServerMessageDispatcher(Map<String, ServerMessageHandler<?, ?>> handlers, Map<String, DefaultReply<?, ?>> defaults,
			ListenerInbox inbox, HandlerExecutor executor, WebhookProperties properties) {
		this.routes = routes(handlers, defaults);
		this.inbox = inbox;
		this.executor = executor;
		this.properties = properties;
	}

	/**
	 * Handles a message and gives the body of the HTTP answer.
	 * @param message the message
	 * @return the reply for request messages, {@link #ACKNOWLEDGED} for the rest
	 */
	public Object dispatch(ServerMessage message) {
		Object reply = (message instanceof RequestMessage<?> request) ? reply(request) : ACKNOWLEDGED;
		this.inbox.accept(message);
		return reply;
	}

	private Object reply(RequestMessage<?> message) {
		Route<?, ?> route = this.routes.get(message.getClass());
		if (route == null) {
			throw new IllegalStateException("No route for " + message.getClass().getName());
		}
		return answer(route, message);
	}

	@SuppressWarnings("unchecked")
	private <M extends RequestMessage<R>, R> R answer(Route<M, R> route, RequestMessage<?> request) {
		M message = (M) request;
		Duration deadline = this.properties.deadlineFor(message.type());
		CompletableFuture<R> pending = this.executor.supply(() -> route.invoke(message));
		try {
			return pending.get(deadline.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (TimeoutException ex) {
			logger.warn("Handler {} did not answer a {} within {}; the fallback reply was sent", route.name(),
					message.type(), deadline);
			pending.whenComplete((late, failure) -> logger.info("Late {} reply from {} discarded ({})", message.type(),
					route.name(), (failure != null) ? "failed" : "completed"));
			return route.fallback().whenFailed().apply(message);
		}
		catch (ExecutionException ex) {
			logger.error("Handler {} failed on a {}; the fallback reply was sent", route.name(), message.type(),
					ex.getCause());
			return route.fallback().whenFailed().apply(message);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return route.fallback().whenFailed().apply(message);
		}
	}

	private static Map<Class<?>, Route<?, ?>> routes(Map<String, ServerMessageHandler<?, ?>> handlers,
			Map<String, DefaultReply<?, ?>> defaults) {
		Map<Class<?>, String> handlerNames = new HashMap<>();
		Map<Class<?>, Route<?, ?>> routes = new HashMap<>();
		defaults.values().forEach((fallback) -> routes.put(fallback.messageType(), Route.ofDefault(fallback)));
		handlers.forEach((name, handler) -> {
			String existing = handlerNames.putIfAbsent(handler.messageType(), name);
			if (existing != null) {
				throw new DuplicateHandlerException(handler.messageType(), existing, handlers.get(existing), name,
						handler);
			}
			Route<?, ?> fallback = routes.get(handler.messageType());
			if (fallback == null) {
				throw new IllegalStateException("No default reply for " + handler.messageType().getName());
			}
			routes.put(handler.messageType(), Route.of(name, handler, fallback.fallback()));
		});
		return Map.copyOf(routes);
	}

}

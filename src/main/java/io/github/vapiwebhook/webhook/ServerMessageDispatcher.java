package io.github.vapiwebhook.webhook;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.github.vapiwebhook.message.RequestMessage;
import io.github.vapiwebhook.message.ServerMessage;
import io.github.vapiwebhook.webhook.DispatchObserver.Outcome;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import org.springframework.beans.factory.ObjectProvider;

/**
 * Routes a message to its handler or listeners. Request messages are answered by their
 * one handler (or the built-in default) within the type's deadline, else by the fallback
 * reply; every message then goes to its listeners, which run after the answer.
 */
public class ServerMessageDispatcher {

	private static final Logger logger = LoggerFactory.getLogger(ServerMessageDispatcher.class);

	/** MDC key of the message type on every log line about a message. */
	public static final String MDC_TYPE = "vapi.type";

	/** MDC key of the call id on every log line about a message. */
	public static final String MDC_CALL_ID = "vapi.callId";

	/** The answer to messages whose reply Vapi ignores. */
	public static final Map<String, Object> ACKNOWLEDGED = Map.of();

	private final Map<Class<?>, Route<?, ?>> routes;

	private final ListenerInbox inbox;

	private final HandlerExecutor executor;

	private final WebhookProperties properties;

	private final List<DispatchObserver> observers;

	ServerMessageDispatcher(Map<String, ServerMessageHandler<?, ?>> handlers,
			ObjectProvider<DefaultReply<?, ?>> defaults, ListenerInbox inbox, HandlerExecutor executor,
			WebhookProperties properties, ObjectProvider<DispatchObserver> observers) {
		this.routes = routes(handlers, defaults.orderedStream().toList());
		this.inbox = inbox;
		this.executor = executor;
		this.properties = properties;
		this.observers = observers.orderedStream().toList();
	}

	/**
	 * Handles a message and gives the body of the HTTP answer. The call id and message
	 * type are in the logging context (MDC) of every line logged while handling it, in
	 * handlers and listeners too.
	 * @param message the message
	 * @return the reply for request messages, {@link #ACKNOWLEDGED} for the rest
	 */
	public Object dispatch(ServerMessage message) {
		long start = System.nanoTime();
		String callId = message.callId();
		try (MDC.MDCCloseable type = MDC.putCloseable(MDC_TYPE, message.type());
				MDC.MDCCloseable call = MDC.putCloseable(MDC_CALL_ID, (callId != null) ? callId : "-")) {
			warnDropped(message);
			if (message instanceof RequestMessage<?> request) {
				Object reply = reply(request, start);
				this.inbox.accept(message);
				return reply;
			}
			this.inbox.accept(message);
			observe(message, null, Outcome.ACKNOWLEDGED, start, Duration.ZERO);
			return ACKNOWLEDGED;
		}
	}

	/** One line per field an event was read without: its path, never its value. */
	private static void warnDropped(ServerMessage message) {
		for (String field : message.droppedFields()) {
			logger.warn("Read a message of type {} without its field {}, which was missing or of the wrong shape",
					message.type(), field);
		}
	}

	private Object reply(RequestMessage<?> message, long start) {
		Route<?, ?> route = this.routes.get(message.getClass());
		if (route == null) {
			throw new IllegalStateException("No route for " + message.getClass().getName());
		}
		return answer(route, message, start);
	}

	@SuppressWarnings("unchecked")
	private <M extends RequestMessage<R>, R> R answer(Route<M, R> route, RequestMessage<?> request, long start) {
		M message = (M) request;
		Duration deadline = this.properties.deadlineFor(message.type());
		if (route.inline()) {
			return answerInline(route, message, start, deadline);
		}
		CompletableFuture<R> pending = this.executor.supply(() -> route.invoke(message));
		try {
			R reply = pending.get(deadline.toMillis(), TimeUnit.MILLISECONDS);
			observe(message, reply, Outcome.HANDLED, start, deadline);
			return reply;
		}
		catch (TimeoutException ex) {
			logger.warn("Handler {} did not answer a {} message within {}; the fallback reply was sent", route.name(),
					message.type(), deadline);
			pending.whenComplete((late, failure) -> logger.info("Late {} reply from {} discarded ({})", message.type(),
					route.name(), (failure != null) ? "failed" : "completed"));
			return fallback(route, message, Outcome.TIMEOUT, start, deadline);
		}
		catch (ExecutionException ex) {
			logger.error("Handler {} failed on a {} message; the fallback reply was sent", route.name(), message.type(),
					ex.getCause());
			return fallback(route, message, Outcome.ERROR, start, deadline);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return fallback(route, message, Outcome.ERROR, start, deadline);
		}
	}

	private <M extends RequestMessage<R>, R> R answerInline(Route<M, R> route, M message, long start,
			Duration deadline) {
		try {
			R reply = route.invoke(message);
			observe(message, reply, Outcome.HANDLED, start, deadline);
			return reply;
		}
		catch (RuntimeException ex) {
			logger.error("Handler {} failed on a {} message; the fallback reply was sent", route.name(), message.type(),
					(ex instanceof CompletionException && ex.getCause() != null) ? ex.getCause() : ex);
			return fallback(route, message, Outcome.ERROR, start, deadline);
		}
	}

	private <M extends RequestMessage<R>, R> R fallback(Route<M, R> route, M message, Outcome outcome, long start,
			Duration deadline) {
		R reply = route.fallback().whenFailed().apply(message);
		observe(message, reply, outcome, start, deadline);
		return reply;
	}

	private void observe(ServerMessage message, @Nullable Object reply, Outcome outcome, long start,
			Duration deadline) {
		Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
		for (DispatchObserver observer : this.observers) {
			observer.answered(message, reply, outcome, elapsed, deadline);
		}
	}

	/**
	 * The route of each request type: its handler bean, or else its built-in reply. Where
	 * several built-in replies exist for a type (the tools feature's and the plain
	 * default), the first in bean order answers.
	 */
	private static Map<Class<?>, Route<?, ?>> routes(Map<String, ServerMessageHandler<?, ?>> handlers,
			List<DefaultReply<?, ?>> defaults) {
		Map<Class<?>, String> handlerNames = new HashMap<>();
		Map<Class<?>, Route<?, ?>> routes = new HashMap<>();
		defaults.forEach((fallback) -> routes.putIfAbsent(fallback.messageType(), Route.ofDefault(fallback)));
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

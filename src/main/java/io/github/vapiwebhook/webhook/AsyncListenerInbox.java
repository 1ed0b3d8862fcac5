package io.github.vapiwebhook.webhook;

import java.util.concurrent.RejectedExecutionException;

import io.github.vapiwebhook.message.ServerMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The in-memory inbox: runs each listener of a message as its own task on the handler
 * executor, so that a slow or failing listener affects no other. Messages still queued
 * when the process is killed are lost; graceful shutdown waits for them.
 */
class AsyncListenerInbox implements ListenerInbox {

	private static final Logger logger = LoggerFactory.getLogger(AsyncListenerInbox.class);

	private final ListenerRegistry registry;

	private final HandlerExecutor executor;

	AsyncListenerInbox(ListenerRegistry registry, HandlerExecutor executor) {
		this.registry = registry;
		this.executor = executor;
	}

	@Override
	public void accept(ServerMessage message) {
		for (ServerMessageListener<?> listener : this.registry.listenersFor(message)) {
			try {
				this.executor.execute(() -> deliver(listener, message));
			}
			catch (RejectedExecutionException ex) {
				// Shutting down: the message was accepted, so deliver it here rather than
				// drop it.
				deliver(listener, message);
			}
		}
	}

	@SuppressWarnings("unchecked")
	private void deliver(ServerMessageListener<?> listener, ServerMessage message) {
		try {
			((ServerMessageListener<ServerMessage>) listener).onMessage(message);
		}
		catch (Exception ex) {
			logger.error("Listener {} failed on a {} message", listener.getClass().getName(), message.type(), ex);
		}
	}

}

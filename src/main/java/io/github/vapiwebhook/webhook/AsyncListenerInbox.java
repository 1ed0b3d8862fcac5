package io.github.vapiwebhook.webhook;

import java.util.concurrent.RejectedExecutionException;

import io.github.vapiwebhook.message.ServerMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;

/**
 * The in-memory inbox: publishes each message as an application event on the handler
 * executor, after the answer, so that {@code @EventListener} methods never delay it.
 * Messages not yet published when the process is killed are lost; graceful shutdown waits
 * for them. The durable inbox of the delivery feature replaces it where a database is
 * configured, and uses it for the types that are not kept.
 */
public class AsyncListenerInbox implements ListenerInbox {

	private static final Logger logger = LoggerFactory.getLogger(AsyncListenerInbox.class);

	private final ApplicationEventPublisher publisher;

	private final HandlerExecutor executor;

	/**
	 * Creates the inbox.
	 * @param publisher the application's event publisher
	 * @param executor runs the publication off the request thread
	 */
	public AsyncListenerInbox(ApplicationEventPublisher publisher, HandlerExecutor executor) {
		this.publisher = publisher;
		this.executor = executor;
	}

	@Override
	public void accept(ServerMessage message) {
		try {
			this.executor.execute(() -> publish(message));
		}
		catch (RejectedExecutionException ex) {
			// Shutting down: the message was accepted, so publish it here rather than
			// drop
			// it.
			publish(message);
		}
	}

	private void publish(ServerMessage message) {
		try {
			this.publisher.publishEvent(message);
		}
		catch (RuntimeException ex) {
			// a listener that throws stops the listeners after it (Spring's multicaster);
			// it never reaches the answer, which was sent already
			logger.error("A listener failed on a {} message", message.type(), ex);
		}
	}

}

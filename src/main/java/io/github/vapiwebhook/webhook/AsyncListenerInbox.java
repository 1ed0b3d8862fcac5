package io.github.vapiwebhook.webhook;

import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;

import io.github.vapiwebhook.message.ServerMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;

/**
 * The in-memory inbox: publishes each message as an application event on the handler
 * executor, after the answer, so that {@code @EventListener} methods never delay it.
 * Messages not yet published when the process is killed are lost; graceful shutdown waits
 * for them. At most {@code backlog} messages wait to be published at once: past that, a
 * message is published on the request thread, before its answer, so that a sender faster
 * than the listeners is slowed down instead of filling the heap with parsed messages. The
 * durable inbox of the delivery feature replaces it where a database is configured, and
 * uses it for the types that are not kept.
 */
public class AsyncListenerInbox implements ListenerInbox {

	private static final Logger logger = LoggerFactory.getLogger(AsyncListenerInbox.class);

	private final ApplicationEventPublisher publisher;

	private final HandlerExecutor executor;

	private final Semaphore backlog;

	/**
	 * Creates the inbox.
	 * @param publisher the application's event publisher
	 * @param executor runs the publication off the request thread
	 * @param backlog the most messages waiting to be published at once
	 */
	public AsyncListenerInbox(ApplicationEventPublisher publisher, HandlerExecutor executor, int backlog) {
		this.publisher = publisher;
		this.executor = executor;
		this.backlog = new Semaphore(backlog);
	}

	@Override
	public void accept(ServerMessage message) {
		if (!this.backlog.tryAcquire()) {
			// the listeners are behind: publish here, before the answer
			publish(message);
			return;
		}
		try {
			this.executor.execute(() -> {
				try {
					publish(message);
				}
				finally {
					this.backlog.release();
				}
			});
		}
		catch (RejectedExecutionException ex) {
			this.backlog.release();
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

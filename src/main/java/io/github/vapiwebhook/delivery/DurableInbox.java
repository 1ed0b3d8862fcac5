package io.github.vapiwebhook.delivery;

import java.time.Clock;
import java.util.Set;

import io.github.vapiwebhook.message.ServerMessage;
import io.github.vapiwebhook.webhook.InboxUnavailableException;
import io.github.vapiwebhook.webhook.ListenerInbox;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataAccessException;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the messages of the durable types before they are acknowledged: in one
 * transaction, committed before the answer, it records the message's key (a repeat is
 * acknowledged and not delivered again) and publishes the message as an application
 * event, for which Spring Modulith stores one publication per
 * {@code @ApplicationModuleListener}; those run after the commit, at least once. When the
 * transaction cannot be committed the message is not acknowledged
 * ({@link InboxUnavailableException}, a 503). Messages of the other types go to the
 * in-memory inbox. On a database that writes commits to disk a moment later (H2, by
 * default up to 500 ms), the commit is made durable before the answer
 * ({@code afterCommit}: H2's {@code CHECKPOINT}), so that a process killed right after
 * answering has not lost the message; the server's other writes (deliveries done, tool
 * results, call store) need not be and are not.
 */
class DurableInbox implements ListenerInbox {

	private static final Logger logger = LoggerFactory.getLogger(DurableInbox.class);

	private final Set<String> durableTypes;

	private final ListenerInbox inMemory;

	private final TransactionTemplate transactions;

	private final ReceivedMessages received;

	private final MessageKeys keys = new MessageKeys();

	private final ApplicationEventPublisher publisher;

	private final Clock clock;

	private final MeterRegistry meters;

	private final Runnable afterCommit;

	DurableInbox(Set<String> durableTypes, ListenerInbox inMemory, TransactionTemplate transactions,
			ReceivedMessages received, ApplicationEventPublisher publisher, Clock clock, MeterRegistry meters,
			Runnable afterCommit) {
		this.durableTypes = Set.copyOf(durableTypes);
		this.inMemory = inMemory;
		this.transactions = transactions;
		this.received = received;
		this.publisher = publisher;
		this.clock = clock;
		this.meters = meters;
		this.afterCommit = afterCommit;
	}

	@Override
	public void accept(ServerMessage message) {
		if (!this.durableTypes.contains(message.type())) {
			this.inMemory.accept(message);
			return;
		}
		Boolean delivered;
		try {
			delivered = this.transactions.execute((status) -> keep(message));
			if (Boolean.TRUE.equals(delivered)) {
				this.afterCommit.run();
			}
		}
		catch (DataAccessException | TransactionException ex) {
			counter("vapi.delivery.unavailable", "Durable messages not acknowledged because they could not be stored",
					message)
				.increment();
			throw new InboxUnavailableException("A " + message.type() + " message could not be stored", ex);
		}
		if (!Boolean.TRUE.equals(delivered)) {
			logger.info("Acknowledged a repeated {} without delivering it again", message.type());
			counter("vapi.delivery.repeats", "Durable messages recognised as repeats and not delivered again", message)
				.increment();
		}
	}

	private boolean keep(ServerMessage message) {
		String key = this.keys.keyOf(message);
		if (key != null && !this.received.firstTime(key, this.clock.instant())) {
			return false;
		}
		try {
			this.publisher.publishEvent(message);
		}
		catch (DataAccessException ex) {
			// the publications could not be stored: the message is not kept
			throw ex;
		}
		catch (RuntimeException ex) {
			// an @EventListener method failed on the request thread; the durable
			// listeners'
			// publications are stored already, so the message is kept all the same
			logger.error("A listener failed on a {} message", message.type(), ex);
		}
		return true;
	}

	private Counter counter(String name, String description, ServerMessage message) {
		return Counter.builder(name).description(description).tag("type", message.type()).register(this.meters);
	}

}

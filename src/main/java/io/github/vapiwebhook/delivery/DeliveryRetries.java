package io.github.vapiwebhook.delivery;

import java.time.Clock;
import java.time.Instant;

/**
 * Tries failed deliveries again, with exponential backoff, and forgets old message keys.
 * A publication is failed when its listener threw, or when Spring Modulith's staleness
 * monitor found it left unfinished (by a process that died); Spring Modulith claims each
 * one it resubmits with a conditional update, so that of several instances only one works
 * on it. Spring Modulith counts the first try as 1 and adds one for each resubmission. A
 * publication tried {@code max-attempts} times stays failed: a dead letter, to be
 * resubmitted by hand. It runs every {@code vapi.delivery.retry.interval} (a
 * {@link io.github.vapiwebhook.storage.PeriodicTask}).
 */
class DeliveryRetries {

	private final FailedDeliveries failed;

	private final ReceivedMessages received;

	private final DeliveryFailures failures;

	private final DeliveryProperties properties;

	private final Clock clock;

	DeliveryRetries(FailedDeliveries failed, ReceivedMessages received, DeliveryFailures failures,
			DeliveryProperties properties, Clock clock) {
		this.failed = failed;
		this.received = received;
		this.failures = failures;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * Resubmits the failed publications that are due, and forgets old keys and the errors
	 * of completed deliveries. Which ones are due is read without their messages, so that
	 * an interval with nothing due costs one query.
	 */
	void runOnce() {
		Instant now = this.clock.instant();
		this.failed.resubmit(this.failed.due(now));
		this.received.forgetBefore(now.minus(this.properties.keyRetention()));
		this.failures.forgetCompleted();
	}

}

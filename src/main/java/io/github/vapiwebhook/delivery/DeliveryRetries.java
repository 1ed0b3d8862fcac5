package io.github.vapiwebhook.delivery;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.modulith.events.EventPublication;
import org.springframework.modulith.events.FailedEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;

/**
 * Tries failed deliveries again, with exponential backoff, and forgets old message keys.
 * A publication is failed when its listener threw, or when Spring Modulith's staleness
 * monitor found it left unfinished (by a process that died); Spring Modulith claims each
 * one it resubmits with a conditional update, so that of several instances only one works
 * on it. A publication tried {@code max-attempts} times stays failed: a dead letter, to
 * be resubmitted by hand.
 */
class DeliveryRetries implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(DeliveryRetries.class);

	private static final int BATCH = 500;

	private final FailedEventPublications failed;

	private final ReceivedMessages received;

	private final DeliveryProperties properties;

	private final Clock clock;

	private @Nullable ScheduledExecutorService scheduler;

	DeliveryRetries(FailedEventPublications failed, ReceivedMessages received, DeliveryProperties properties,
			Clock clock) {
		this.failed = failed;
		this.received = received;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * Resubmits the failed publications that are due, and forgets old keys.
	 */
	void runOnce() {
		Instant now = this.clock.instant();
		this.failed.resubmit(ResubmissionOptions.defaults().withBatchSize(BATCH).withFilter((it) -> due(it, now)));
		this.received.forgetBefore(now.minus(this.properties.keyRetention()));
	}

	/**
	 * Whether a failed publication is to be tried again now.
	 * @param publication the publication
	 * @param now the time
	 * @return {@code true} when it has tries left and its backoff has passed
	 */
	boolean due(EventPublication publication, Instant now) {
		// Spring Modulith counts the first try as 1 and adds one for each resubmission
		int tries = publication.getCompletionAttempts();
		if (tries >= this.properties.retry().maxAttempts()) {
			return false;
		}
		Instant last = (publication.getLastResubmissionDate() != null) ? publication.getLastResubmissionDate()
				: publication.getPublicationDate();
		return !last.plus(this.properties.retry().backoffAfter(tries)).isAfter(now);
	}

	private void runSafely() {
		try {
			runOnce();
		}
		catch (RuntimeException ex) {
			// the database may be down for a while: try again at the next interval
			logger.warn("Could not resubmit failed deliveries: {}", ex.toString());
		}
	}

	@Override
	public void start() {
		ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor((runnable) -> {
			Thread thread = new Thread(runnable, "vapi-delivery-retries");
			thread.setDaemon(true);
			return thread;
		});
		long interval = this.properties.retry().interval().toMillis();
		executor.scheduleWithFixedDelay(this::runSafely, interval, interval, TimeUnit.MILLISECONDS);
		this.scheduler = executor;
	}

	@Override
	public void stop() {
		ScheduledExecutorService executor = this.scheduler;
		if (executor != null) {
			executor.shutdownNow();
			this.scheduler = null;
		}
	}

	@Override
	public boolean isRunning() {
		return this.scheduler != null;
	}

}

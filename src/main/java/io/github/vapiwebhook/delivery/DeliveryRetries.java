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

/**
 * Tries failed deliveries again, with exponential backoff, and forgets old message keys.
 * A publication is failed when its listener threw, or when Spring Modulith's staleness
 * monitor found it left unfinished (by a process that died); Spring Modulith claims each
 * one it resubmits with a conditional update, so that of several instances only one works
 * on it. Spring Modulith counts the first try as 1 and adds one for each resubmission. A
 * publication tried {@code max-attempts} times stays failed: a dead letter, to be
 * resubmitted by hand.
 */
class DeliveryRetries implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(DeliveryRetries.class);

	private final FailedDeliveries failed;

	private final ReceivedMessages received;

	private final DeliveryFailures failures;

	private final DeliveryProperties properties;

	private final Clock clock;

	private @Nullable ScheduledExecutorService scheduler;

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

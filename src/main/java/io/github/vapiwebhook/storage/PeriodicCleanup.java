package io.github.vapiwebhook.storage;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;

/**
 * Deletes the expired rows of one of the server's tables at a fixed interval, on a daemon
 * thread of its own, from the start of the application context to its stop. Every
 * instance runs it; deleting the same rows twice does no harm. A failure (the database
 * may be down for a while) is logged, and the deletion runs again at the next interval.
 */
public final class PeriodicCleanup implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(PeriodicCleanup.class);

	private final String name;

	private final Duration interval;

	private final Runnable deletion;

	private @Nullable ScheduledExecutorService scheduler;

	/**
	 * Creates a cleanup.
	 * @param name what is deleted, for the thread's name and the log
	 * @param interval the time between two deletions
	 * @param deletion deletes the expired rows
	 */
	public PeriodicCleanup(String name, Duration interval, Runnable deletion) {
		this.name = name;
		this.interval = interval;
		this.deletion = deletion;
	}

	private void runSafely() {
		try {
			this.deletion.run();
		}
		catch (RuntimeException ex) {
			logger.warn("Could not delete the expired {}; trying again in {}", this.name, this.interval, ex);
		}
	}

	@Override
	public void start() {
		ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor((runnable) -> {
			Thread thread = new Thread(runnable, "vapi-cleanup-" + this.name.replace(' ', '-'));
			thread.setDaemon(true);
			return thread;
		});
		long millis = this.interval.toMillis();
		executor.scheduleWithFixedDelay(this::runSafely, millis, millis, TimeUnit.MILLISECONDS);
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

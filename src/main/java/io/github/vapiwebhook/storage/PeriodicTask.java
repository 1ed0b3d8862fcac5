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
 * Runs one of the server's periodic database tasks (deleting expired rows, resubmitting
 * failed deliveries) at a fixed interval, on a daemon thread of its own, from the start
 * of the application context to its stop. Every instance runs it: the tasks are safe to
 * run on several instances at once. A failure (the database may be down for a while) is
 * logged, and the task runs again at the next interval.
 */
public final class PeriodicTask implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(PeriodicTask.class);

	private final String name;

	private final Duration interval;

	private final Runnable task;

	private @Nullable ScheduledExecutorService scheduler;

	/**
	 * Creates a periodic task.
	 * @param name what the task does, for the thread's name and the log (e.g.
	 * {@code delete expired tool call runs})
	 * @param interval the time between the end of one run and the start of the next
	 * @param task the task
	 */
	public PeriodicTask(String name, Duration interval, Runnable task) {
		this.name = name;
		this.interval = interval;
		this.task = task;
	}

	private void runSafely() {
		try {
			this.task.run();
		}
		catch (RuntimeException ex) {
			// the database may be down for a while: one line each time, the stack at
			// DEBUG
			logger.warn("Could not {}; trying again in {}: {}", this.name, this.interval, ex.toString());
			logger.debug("{} failed", this.name, ex);
		}
	}

	@Override
	public void start() {
		ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor((runnable) -> {
			Thread thread = new Thread(runnable, "vapi-" + this.name.replace(' ', '-'));
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

package io.github.vapiwebhook.calls;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/**
 * Runs the purge at startup and then at a fixed interval, on a scheduler thread of its
 * own. It does not enable Spring's {@code @Scheduled} processing, which would start the
 * scheduled methods of an application that has not enabled it. A failed purge is logged
 * at ERROR and the next one runs at its time.
 */
class CallRetentionSchedule implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(CallRetentionSchedule.class);

	private final Runnable purge;

	private final Duration interval;

	private @Nullable ThreadPoolTaskScheduler scheduler;

	private @Nullable ScheduledFuture<?> task;

	CallRetentionSchedule(Runnable purge, Duration interval) {
		this.purge = purge;
		this.interval = interval;
	}

	@Override
	public synchronized void start() {
		if (this.scheduler != null) {
			return;
		}
		ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
		scheduler.setThreadNamePrefix("vapi-call-retention-");
		scheduler.setDaemon(true);
		scheduler.initialize();
		this.task = scheduler.scheduleWithFixedDelay(this::purge, this.interval);
		this.scheduler = scheduler;
	}

	private void purge() {
		try {
			this.purge.run();
		}
		catch (RuntimeException ex) {
			// the boundary of a scheduled run: report, and let the next run try again
			logger.error("Could not purge the personal data of calls past the retention; next try in {}", this.interval,
					ex);
		}
	}

	@Override
	public synchronized void stop() {
		if (this.scheduler == null) {
			return;
		}
		if (this.task != null) {
			this.task.cancel(false);
		}
		this.scheduler.shutdown();
		this.scheduler = null;
		this.task = null;
	}

	@Override
	public synchronized boolean isRunning() {
		return this.scheduler != null;
	}

}

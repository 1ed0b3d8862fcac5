package io.github.vapiwebhook.calls;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The schedule of the purge, with a short interval: waiting for the runs is what is
 * tested.
 */
class CallRetentionScheduleTests {

	@Test
	void purgesAtStartAndThenAtItsInterval() throws InterruptedException {
		CountDownLatch runs = new CountDownLatch(3);
		CallRetentionSchedule schedule = new CallRetentionSchedule(runs::countDown, Duration.ofMillis(20));
		schedule.start();
		try {
			assertThat(schedule.isRunning()).isTrue();
			assertThat(runs.await(10, TimeUnit.SECONDS)).isTrue();
		}
		finally {
			schedule.stop();
		}
		assertThat(schedule.isRunning()).isFalse();
	}

	@Test
	void aFailedPurgeDoesNotStopTheSchedule() throws InterruptedException {
		AtomicInteger attempts = new AtomicInteger();
		CountDownLatch laterRuns = new CountDownLatch(2);
		CallRetentionSchedule schedule = new CallRetentionSchedule(() -> {
			if (attempts.incrementAndGet() == 1) {
				throw new IllegalStateException("database unavailable");
			}
			laterRuns.countDown();
		}, Duration.ofMillis(20));
		schedule.start();
		try {
			assertThat(laterRuns.await(10, TimeUnit.SECONDS)).isTrue();
		}
		finally {
			schedule.stop();
		}
	}

}

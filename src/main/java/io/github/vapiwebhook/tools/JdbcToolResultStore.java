package io.github.vapiwebhook.tools;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import io.github.vapiwebhook.reply.ToolCallResult;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;

import org.springframework.dao.DataAccessException;

/**
 * Keeps tool call runs in the database, so that a repeat is recognised whichever instance
 * it reaches. The instance that inserts the key runs the tool and stores the result once
 * done ({@link ToolRunClaims}); a repeat finds the key and gets the stored result, or,
 * while the run goes on elsewhere, polls the row at growing intervals until it is done,
 * for at most the longest tool deadline (the runner answers the caller at the tool's own
 * deadline). A repeat of the same call that finds the run left unfinished for
 * {@code take-over-after}, at once or while polling, runs the tool in its place. A repeat
 * on the instance that runs the key shares the run without asking the database. When the
 * database cannot be read the call is not run: its result is an error.
 */
class JdbcToolResultStore implements ToolResultStore {

	private static final Duration FIRST_POLL = Duration.ofMillis(50);

	private static final Duration LONGEST_POLL = Duration.ofMillis(500);

	private static final int LOOKS = 3;

	private final ToolRunClaims claims;

	private final Clock clock;

	private final Duration longestWait;

	private final Executor executor;

	JdbcToolResultStore(ToolRunClaims claims, Clock clock, Duration longestWait, Executor executor) {
		this.claims = claims;
		this.clock = clock;
		this.longestWait = longestWait;
		this.executor = executor;
	}

	@Override
	public StoredRun computeIfAbsent(Key key, String fingerprint, Supplier<CompletableFuture<ToolCallResult>> task) {
		StoredRun here = this.claims.runningHere(key);
		if (here != null) {
			return here;
		}
		try {
			for (int attempt = 0; attempt < LOOKS; attempt++) {
				ToolRunClaims.Look look = this.claims.look(key, fingerprint, task, attempt == 0);
				if (look.started() != null) {
					return look.started();
				}
				if (look.found() != null) {
					return stored(key, look.found(), fingerprint, task);
				}
			}
			return unavailable(key, fingerprint, null);
		}
		catch (DataAccessException | JacksonException ex) {
			return unavailable(key, fingerprint, ex);
		}
	}

	/**
	 * Deletes the runs whose time to live has passed.
	 * @return how many were deleted
	 */
	int deleteExpired() {
		return this.claims.deleteExpired();
	}

	private StoredRun stored(Key key, StoredToolRuns.Row row, String fingerprint,
			Supplier<CompletableFuture<ToolCallResult>> task) {
		if (row.result() != null) {
			return new StoredRun(row.fingerprint(), CompletableFuture.completedFuture(row.result()));
		}
		// only a repeat of the same call may take the run over
		Waiter waiter = new Waiter(key, row.fingerprint(), row.fingerprint().equals(fingerprint) ? task : null,
				new CompletableFuture<>(), this.clock.instant().plus(this.longestWait));
		pollLater(waiter, FIRST_POLL);
		return new StoredRun(row.fingerprint(), waiter.result());
	}

	private static StoredRun unavailable(Key key, String fingerprint, @Nullable Exception cause) {
		String why = (cause != null) ? "could not be looked up" : "kept changing while it was looked up";
		return new StoredRun(fingerprint, CompletableFuture.failedFuture(new IllegalStateException(
				"The run of tool call " + key.toolCallId() + " " + why + "; it was not run", cause)));
	}

	private void pollLater(Waiter waiter, Duration delay) {
		CompletableFuture.delayedExecutor(delay.toMillis(), TimeUnit.MILLISECONDS, this.executor)
			.execute(() -> poll(waiter, delay));
	}

	private void poll(Waiter waiter, Duration delay) {
		try {
			ToolRunClaims.Look look = this.claims.look(waiter.key(), waiter.fingerprint(), waiter.task(), false);
			StoredToolRuns.Row row = look.found();
			if (look.started() != null) {
				look.started().result().whenComplete(waiter::complete);
			}
			else if (row != null && !row.fingerprint().equals(waiter.fingerprint())) {
				waiter.complete(null, new IllegalStateException(
						"The run of tool call " + waiter.key().toolCallId() + " was replaced by another call's"));
			}
			else if (row != null && row.result() != null) {
				waiter.complete(row.result(), null);
			}
			else if (!this.clock.instant().isBefore(waiter.until())) {
				waiter.complete(null, new TimeoutException(
						"The run of tool call " + waiter.key().toolCallId() + " did not finish in time"));
			}
			else {
				Duration next = delay.multipliedBy(2);
				pollLater(waiter, (next.compareTo(LONGEST_POLL) < 0) ? next : LONGEST_POLL);
			}
		}
		catch (DataAccessException | JacksonException ex) {
			waiter.complete(null, ex);
		}
	}

	/**
	 * A repeat waiting for a run going on elsewhere.
	 *
	 * @param key the key
	 * @param fingerprint the fingerprint of the run waited for
	 * @param task starts the tool should the run be taken over; {@code null} for a repeat
	 * with another fingerprint, which never runs the tool
	 * @param result completed with the run's result
	 * @param until when to stop waiting
	 */
	private record Waiter(Key key, String fingerprint, @Nullable Supplier<CompletableFuture<ToolCallResult>> task,
			CompletableFuture<ToolCallResult> result, Instant until) {

		void complete(@Nullable ToolCallResult value, @Nullable Throwable failure) {
			if (failure != null) {
				this.result.completeExceptionally(failure);
			}
			else {
				this.result.complete(value);
			}
		}

	}

}

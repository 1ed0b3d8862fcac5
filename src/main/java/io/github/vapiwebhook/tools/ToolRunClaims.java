package io.github.vapiwebhook.tools;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import io.github.vapiwebhook.reply.ToolCallResult;
import io.github.vapiwebhook.tools.ToolResultStore.Key;
import io.github.vapiwebhook.tools.ToolResultStore.StoredRun;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;

import org.springframework.dao.DataAccessException;

/**
 * Claims the runs of tool calls in the database for this instance. A look at a key starts
 * a run here when the key is free, when its run is older than the time to live, or when
 * its run was left unfinished for {@code take-over-after} (its instance presumably died)
 * and the call has the same fingerprint; otherwise it finds the run as stored. A run
 * started here stores its result once done, unless it was taken over meanwhile, and is
 * shared with the repeats that reach this instance while it goes on.
 */
class ToolRunClaims {

	private static final Logger logger = LoggerFactory.getLogger(ToolRunClaims.class);

	private final StoredToolRuns runs;

	private final Clock clock;

	private final Duration ttl;

	private final Duration takeOverAfter;

	private final Map<Key, StoredRun> runningHere = new ConcurrentHashMap<>();

	ToolRunClaims(StoredToolRuns runs, Clock clock, Duration ttl, Duration takeOverAfter) {
		this.runs = runs;
		this.clock = clock;
		this.ttl = ttl;
		this.takeOverAfter = takeOverAfter;
	}

	/**
	 * The run of a key going on on this instance.
	 * @param key the key
	 * @return the run, or {@code null}
	 */
	@Nullable StoredRun runningHere(Key key) {
		return this.runningHere.get(key);
	}

	/**
	 * Looks at a key once.
	 * @param key the key
	 * @param fingerprint the fingerprint of the call
	 * @param task starts the tool; {@code null} to never start a run
	 * @param insertFirst whether to try inserting the key before reading it (a first look
	 * rather than a poll)
	 * @return the run started here, or the run as stored, or neither when the row changed
	 * meanwhile
	 */
	Look look(Key key, String fingerprint, @Nullable Supplier<CompletableFuture<ToolCallResult>> task,
			boolean insertFirst) {
		Instant now = this.clock.instant();
		String claim = UUID.randomUUID().toString();
		if (task != null && insertFirst && this.runs.insert(key, fingerprint, claim, now)) {
			return new Look(start(key, fingerprint, claim, task), null);
		}
		StoredToolRuns.Row row = this.runs.find(key);
		if (row == null) {
			boolean inserted = task != null && this.runs.insert(key, fingerprint, claim, now);
			return new Look(inserted ? start(key, fingerprint, claim, task) : null, null);
		}
		boolean abandoned = row.abandoned(now, this.takeOverAfter) && row.fingerprint().equals(fingerprint);
		if (task == null || !(row.expired(now, this.ttl) || abandoned)) {
			return new Look(null, row);
		}
		if (!this.runs.takeOver(key, fingerprint, claim, now, row.claim())) {
			return new Look(null, null);
		}
		if (abandoned) {
			logger.warn("Took over tool call {}: its run, started at {}, did not finish", key.toolCallId(),
					row.startedAt());
		}
		return new Look(start(key, fingerprint, claim, task), null);
	}

	/**
	 * Deletes the runs whose time to live has passed.
	 * @return how many were deleted
	 */
	int deleteExpired() {
		return this.runs.deleteStartedBefore(this.clock.instant().minus(this.ttl));
	}

	private StoredRun start(Key key, String fingerprint, String claim,
			Supplier<CompletableFuture<ToolCallResult>> task) {
		CompletableFuture<ToolCallResult> result = new CompletableFuture<>();
		StoredRun run = new StoredRun(fingerprint, result);
		this.runningHere.put(key, run);
		started(task).whenComplete((value, failure) -> {
			try {
				keep(key, claim, value, failure);
			}
			finally {
				this.runningHere.remove(key, run);
				if (failure != null) {
					result.completeExceptionally(failure);
				}
				else {
					result.complete(value);
				}
			}
		});
		return run;
	}

	private static CompletableFuture<ToolCallResult> started(Supplier<CompletableFuture<ToolCallResult>> task) {
		try {
			return task.get();
		}
		catch (RuntimeException ex) {
			// the tool could not even start (the executor is shut down): the run ends
			// here
			return CompletableFuture.failedFuture(ex);
		}
	}

	private void keep(Key key, String claim, @Nullable ToolCallResult value, @Nullable Throwable failure) {
		try {
			if (failure != null || value == null) {
				// no result to store: a repeat runs the tool again
				this.runs.release(key, claim);
			}
			else if (!this.runs.finish(key, claim, value, this.clock.instant())) {
				logger.warn("The result of tool call {} was not stored: its run was taken over", key.toolCallId());
			}
		}
		catch (DataAccessException | JacksonException ex) {
			logger.warn("Could not store the result of tool call {}; a repeat waits for it until the run may be "
					+ "taken over", key.toolCallId(), ex);
		}
	}

	/**
	 * What one look at a key found.
	 *
	 * @param started the run this instance started, if any
	 * @param found the run as stored, if none was started
	 */
	record Look(@Nullable StoredRun started, StoredToolRuns.@Nullable Row found) {
	}

}

package io.github.vapiwebhook.tools;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import io.github.vapiwebhook.reply.ToolCallResult;

/**
 * Keeps tool call runs in memory for a time to live, at most a fixed number of them (the
 * oldest go first). Entries are in insertion order, which is also the order in which they
 * expire, so expiry only looks at the head.
 */
class InMemoryToolResultStore implements ToolResultStore {

	private final Map<Key, Entry> entries = new LinkedHashMap<>();

	private final Clock clock;

	private final Duration ttl;

	private final int maxEntries;

	InMemoryToolResultStore(Clock clock, Duration ttl, int maxEntries) {
		this.clock = clock;
		this.ttl = ttl;
		this.maxEntries = maxEntries;
	}

	@Override
	public StoredRun computeIfAbsent(Key key, String fingerprint, Supplier<CompletableFuture<ToolCallResult>> task) {
		CompletableFuture<ToolCallResult> created = new CompletableFuture<>();
		StoredRun run = new StoredRun(fingerprint, created);
		synchronized (this.entries) {
			Instant now = this.clock.instant();
			evictExpired(now);
			Entry existing = this.entries.get(key);
			if (existing != null) {
				return existing.run();
			}
			this.entries.put(key, new Entry(now, run));
			evictOverflow();
		}
		// The task runs outside the lock: starting a tool must not serialise other calls.
		task.get().whenComplete((result, failure) -> {
			if (failure != null) {
				created.completeExceptionally(failure);
			}
			else {
				created.complete(result);
			}
		});
		return run;
	}

	int size() {
		synchronized (this.entries) {
			return this.entries.size();
		}
	}

	private void evictExpired(Instant now) {
		Iterator<Entry> iterator = this.entries.values().iterator();
		while (iterator.hasNext()) {
			if (!iterator.next().storedAt().plus(this.ttl).isAfter(now)) {
				iterator.remove();
			}
			else {
				return;
			}
		}
	}

	private void evictOverflow() {
		Iterator<Entry> iterator = this.entries.values().iterator();
		while (this.entries.size() > this.maxEntries && iterator.hasNext()) {
			iterator.next();
			iterator.remove();
		}
	}

	private record Entry(Instant storedAt, StoredRun run) {
	}

}

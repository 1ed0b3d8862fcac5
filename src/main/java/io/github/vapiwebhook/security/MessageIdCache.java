package io.github.vapiwebhook.security;

import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The message ids seen inside the replay window, in bounded memory: expired ids are
 * dropped first, and past the capacity the oldest id is forgotten.
 */
final class MessageIdCache {

	private final int capacity;

	private final LinkedHashMap<String, Instant> expiries = new LinkedHashMap<>();

	MessageIdCache(int capacity) {
		this.capacity = capacity;
	}

	/**
	 * Records a message id.
	 * @param id the id
	 * @param now the current time
	 * @param expiry when the id may be forgotten
	 * @return {@code true} the first time an id is seen inside its window
	 */
	synchronized boolean firstSeen(String id, Instant now, Instant expiry) {
		evictExpired(now);
		Instant known = this.expiries.get(id);
		if (known != null && known.isAfter(now)) {
			return false;
		}
		this.expiries.put(id, expiry);
		if (this.expiries.size() > this.capacity) {
			Iterator<String> oldest = this.expiries.keySet().iterator();
			oldest.next();
			oldest.remove();
		}
		return true;
	}

	/**
	 * Forgets a message id, so that it may come again (its request was not acknowledged).
	 * @param id the id
	 */
	synchronized void forget(String id) {
		this.expiries.remove(id);
	}

	synchronized int size() {
		return this.expiries.size();
	}

	private void evictExpired(Instant now) {
		Iterator<Map.Entry<String, Instant>> entries = this.expiries.entrySet().iterator();
		while (entries.hasNext()) {
			if (entries.next().getValue().isAfter(now)) {
				return;
			}
			entries.remove();
		}
	}

}

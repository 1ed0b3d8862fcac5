package io.github.vapiwebhook.security;

import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The message ids seen inside the replay window, in bounded memory: expired ids are
 * dropped first, and past the capacity the oldest id is forgotten.
 */
final class InMemoryMessageIdCache implements MessageIdCache {

	private final int capacity;

	private final LinkedHashMap<String, Seen> seen = new LinkedHashMap<>();

	InMemoryMessageIdCache(int capacity) {
		this.capacity = capacity;
	}

	@Override
	public synchronized Sighting see(String messageId, String signature, Instant now, Instant expiry) {
		evictExpired(now);
		Seen known = this.seen.get(messageId);
		if (known != null && known.expiry().isAfter(now)) {
			return known.signature().equals(signature) ? Sighting.SAME_REQUEST : Sighting.OTHER_REQUEST;
		}
		this.seen.put(messageId, new Seen(signature, expiry));
		if (this.seen.size() > this.capacity) {
			Iterator<String> oldest = this.seen.keySet().iterator();
			oldest.next();
			oldest.remove();
		}
		return Sighting.NEW;
	}

	@Override
	public synchronized void forget(String messageId, String signature) {
		Seen known = this.seen.get(messageId);
		if (known != null && known.signature().equals(signature)) {
			this.seen.remove(messageId);
		}
	}

	synchronized int size() {
		return this.seen.size();
	}

	private void evictExpired(Instant now) {
		Iterator<Map.Entry<String, Seen>> entries = this.seen.entrySet().iterator();
		while (entries.hasNext()) {
			if (entries.next().getValue().expiry().isAfter(now)) {
				return;
			}
			entries.remove();
		}
	}

	private record Seen(String signature, Instant expiry) {
	}

}

package io.github.vapiwebhook.webhook;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The bytes of request bodies held in memory at once, across all requests: a body
 * reserves room as its buffer grows and gives it back when its request is over. A quarter
 * of the room is kept for bodies of at most {@value #SMALL_BODY} bytes (tool calls,
 * assistant requests, status updates), so that large bodies, which anyone may send before
 * an HMAC signature can be checked, cannot crowd out the small ones that steer live
 * calls.
 */
final class BodyBudget {

	/** Bodies up to this size may use the reserved quarter of the room. */
	static final int SMALL_BODY = 64 * 1024;

	private final long capacity;

	private final long largeBodyCapacity;

	private final AtomicLong used = new AtomicLong();

	BodyBudget(long capacity) {
		if (capacity < SMALL_BODY) {
			throw new IllegalArgumentException("The body budget must be at least " + SMALL_BODY + " bytes");
		}
		this.capacity = capacity;
		this.largeBodyCapacity = capacity - capacity / 4;
	}

	/**
	 * Reserves room for more bytes of one body.
	 * @param held the bytes this body holds already
	 * @param more the bytes to add
	 * @return whether the room was reserved
	 */
	boolean tryReserve(long held, long more) {
		long limit = (held + more <= SMALL_BODY) ? this.capacity : this.largeBodyCapacity;
		long current;
		do {
			current = this.used.get();
			if (current + more > limit) {
				return false;
			}
		}
		while (!this.used.compareAndSet(current, current + more));
		return true;
	}

	void release(long bytes) {
		this.used.addAndGet(-bytes);
	}

	long used() {
		return this.used.get();
	}

	long capacity() {
		return this.capacity;
	}

}

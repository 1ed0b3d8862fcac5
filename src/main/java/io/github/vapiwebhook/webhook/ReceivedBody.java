package io.github.vapiwebhook.webhook;

/**
 * A request body read to its end, holding its share of the body budget until closed: the
 * filter that read it closes it once the request is answered.
 */
public final class ReceivedBody implements AutoCloseable {

	private final byte[] bytes;

	private final BodyBudget budget;

	private long reserved;

	ReceivedBody(byte[] bytes, BodyBudget budget, long reserved) {
		this.bytes = bytes;
		this.budget = budget;
		this.reserved = reserved;
	}

	/**
	 * The exact bytes received.
	 * @return the body (not a copy: do not modify)
	 */
	public byte[] bytes() {
		return this.bytes;
	}

	/**
	 * Gives the body's room back to the budget; later calls do nothing.
	 */
	@Override
	public void close() {
		long held = this.reserved;
		this.reserved = 0;
		this.budget.release(held);
	}

}

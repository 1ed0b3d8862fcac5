package io.github.vapiwebhook.webhook;

import org.springframework.core.Ordered;

/**
 * The order of the servlet filters on the webhook path, in one place. All of them run
 * before Spring's own request filters and any filter of the application at the default
 * order, so that those see only authenticated requests with their body read.
 */
public enum WebhookFilterOrder {

	/** Counts every answer of the webhook path by HTTP status, refusals included. */
	RESPONSE_STATUS(Ordered.HIGHEST_PRECEDENCE + 5),

	/**
	 * Authenticates the request: from its headers before any body byte is read, or, for
	 * an HMAC signature, while the body is read.
	 */
	AUTHENTICATION(Ordered.HIGHEST_PRECEDENCE + 10),

	/**
	 * Reads the body of an authenticated request, when authentication did not need it.
	 */
	BODY(Ordered.HIGHEST_PRECEDENCE + 20),

	/** Records the size of the body. */
	BODY_SIZE(Ordered.HIGHEST_PRECEDENCE + 25),

	/** Writes the authenticated message to the recording folder, when recording is on. */
	RECORDING(Ordered.HIGHEST_PRECEDENCE + 30);

	private final int order;

	WebhookFilterOrder(int order) {
		this.order = order;
	}

	/**
	 * The filter order.
	 * @return the order, as for {@link org.springframework.core.Ordered}
	 */
	public int order() {
		return this.order;
	}

}

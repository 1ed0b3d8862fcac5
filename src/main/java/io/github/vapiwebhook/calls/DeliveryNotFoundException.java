package io.github.vapiwebhook.calls;

import java.util.UUID;

/**
 * A retry of a delivery that is not failed: unknown, completed, or being tried. Answered
 * with 404.
 */
class DeliveryNotFoundException extends RuntimeException {

	DeliveryNotFoundException(UUID id) {
		super("No failed delivery has the id " + id + " (it may have been delivered, or be being tried)");
	}

}

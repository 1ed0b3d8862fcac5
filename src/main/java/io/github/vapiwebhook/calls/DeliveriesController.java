package io.github.vapiwebhook.calls;

import java.util.List;
import java.util.UUID;

import io.github.vapiwebhook.delivery.FailedDeliveries;
import io.github.vapiwebhook.delivery.FailedDelivery;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The failed deliveries of kept messages to durable listeners, and their retry. It is
 * part of the server's API, with the call API's key and filter (so it lives here, in the
 * API's package, over the delivery package's {@link FailedDeliveries}).
 */
@RestController
@RequestMapping(DeliveriesController.PATH)
class DeliveriesController {

	/** The path of the deliveries API. */
	static final String PATH = "/api/deliveries";

	private static final int DEFAULT_LIMIT = 100;

	private static final int MAX_LIMIT = 500;

	private final FailedDeliveries deliveries;

	DeliveriesController(FailedDeliveries deliveries) {
		this.deliveries = deliveries;
	}

	@ModelAttribute
	void requireApiKey(HttpServletRequest request) {
		if (request.getAttribute(ApiKeyFilter.AUTHENTICATED) == null) {
			throw new UnfilteredApiRequestException(request.getRequestURI());
		}
	}

	@GetMapping("/failed")
	FailedPage failed(@RequestParam(required = false) @Nullable String limit) {
		int size = limit(limit);
		return new FailedPage(this.deliveries.list(size), this.deliveries.count());
	}

	@PostMapping("/{id}/retry")
	@ResponseStatus(HttpStatus.ACCEPTED)
	Retried retry(@PathVariable String id) {
		UUID publication = id(id);
		if (!this.deliveries.retry(publication)) {
			throw new DeliveryNotFoundException(publication);
		}
		return new Retried(publication, "resubmitted");
	}

	private static int limit(@Nullable String limit) {
		if (limit == null) {
			return DEFAULT_LIMIT;
		}
		try {
			int value = Integer.parseInt(limit);
			if (value >= 1 && value <= MAX_LIMIT) {
				return value;
			}
		}
		catch (NumberFormatException ex) {
			// answered below
		}
		throw new InvalidCallQueryException("limit must be a whole number from 1 to " + MAX_LIMIT);
	}

	private static UUID id(String id) {
		try {
			if (id.length() == 36) {
				return UUID.fromString(id);
			}
		}
		catch (IllegalArgumentException ex) {
			// answered below
		}
		throw new InvalidCallQueryException("id must be the UUID of a failed delivery");
	}

	/**
	 * A page of failed deliveries, the oldest first.
	 *
	 * @param deliveries the deliveries
	 * @param total how many have failed in all
	 */
	record FailedPage(List<FailedDelivery> deliveries, int total) {

	}

	/**
	 * The answer to a retry.
	 *
	 * @param id the delivery
	 * @param status {@code resubmitted}: its listener is being tried again
	 */
	record Retried(UUID id, String status) {

	}

}

package io.github.vapiwebhook.webhook;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The endpoint Vapi posts server messages to, as Spring MVC sees it: MVC maps the method,
 * content type and accepted types (405, 415 and 406 otherwise) and turns exceptions into
 * problem responses. Well-formed requests are answered before they get here, by the
 * {@link WebhookFastPathFilter}; this controller answers what that filter leaves to MVC
 * (an unreadable message becomes a 400 here).
 * <p>
 * A request that did not pass the webhook's filters, and so was not authenticated, is
 * refused with a 500 and an ERROR in the log: it means Spring MVC maps this controller at
 * a path the filters do not cover (see {@link WebhookConfiguration}), or a test built its
 * {@code MockMvc} without the filters.
 */
@RestController
class WebhookController {

	private static final Logger logger = LoggerFactory.getLogger(WebhookController.class);

	static final String UNFILTERED_DETAIL = "The request did not pass the webhook's filters and was not handled";

	private final WebhookEndpoint endpoint;

	private final ProblemResponses problems;

	WebhookController(WebhookEndpoint endpoint, ProblemResponses problems) {
		this.endpoint = endpoint;
		this.problems = problems;
	}

	@PostMapping(path = "${vapi.webhook.path:/vapi/webhook}", consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	void receive(HttpServletRequest request, HttpServletResponse response) throws IOException {
		byte[] body = CachedBodyRequest.bodyOf(request);
		if (body == null) {
			// fail closed: the filters that did not run include authentication
			logger.error("Refused a request to {} that reached the webhook endpoint without passing its filters "
					+ "(body limit, authentication); is spring.mvc.servlet.path set, or MockMvc built without "
					+ "filters?", request.getRequestURI());
			this.problems.write(response, HttpStatus.INTERNAL_SERVER_ERROR, UNFILTERED_DETAIL);
			return;
		}
		this.endpoint.answer(this.endpoint.read(body), response);
	}

}

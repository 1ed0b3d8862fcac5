package io.github.vapiwebhook.webhook;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The endpoint Vapi posts server messages to, as Spring MVC sees it: MVC maps the method,
 * content type and accepted types (405, 415 and 406 otherwise) and turns exceptions into
 * problem responses. Well-formed requests are answered before they get here, by the
 * {@link WebhookFastPathFilter}; this controller answers what that filter leaves to MVC
 * (an unreadable message becomes a 400 here) and requests that did not pass the filters,
 * as in a {@code MockMvc} test without them.
 */
@RestController
class WebhookController {

	private final WebhookEndpoint endpoint;

	WebhookController(WebhookEndpoint endpoint) {
		this.endpoint = endpoint;
	}

	@PostMapping(path = "${vapi.webhook.path:/vapi/webhook}", consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	void receive(HttpServletRequest request, HttpServletResponse response) throws IOException {
		byte[] body = CachedBodyRequest.bodyOf(request);
		this.endpoint.answer(this.endpoint.read((body != null) ? body : request.getInputStream().readAllBytes()),
				response);
	}

}

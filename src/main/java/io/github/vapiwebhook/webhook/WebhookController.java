package io.github.vapiwebhook.webhook;

import io.github.vapiwebhook.message.ServerMessage;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The endpoint Vapi posts server messages to. Every request reaches it through the whole
 * filter chain (the webhook's own filters first: authentication, body reading) and Spring
 * MVC, which maps the method, content type and accepted types (405, 415 and 406
 * otherwise); it dispatches the message and returns the answer, which MVC writes as JSON.
 * Bad input becomes a problem answer in {@link WebhookExceptionHandler}.
 */
@RestController
class WebhookController {

	private final ServerMessageDispatcher dispatcher;

	WebhookController(ServerMessageDispatcher dispatcher) {
		this.dispatcher = dispatcher;
	}

	@PostMapping(path = "${vapi.webhook.path:/vapi/webhook}", consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	Object receive(ServerMessage message) {
		return this.dispatcher.dispatch(message);
	}

}

package io.github.vapiwebhook.webhook;

import io.github.vapiwebhook.message.ServerMessage;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The endpoint Vapi posts server messages to: accepts the message, has it dispatched, and
 * returns the answer (always HTTP 200 with a bare JSON object).
 */
@RestController
class WebhookController {

	private final ServerMessageDispatcher dispatcher;

	WebhookController(ServerMessageDispatcher dispatcher) {
		this.dispatcher = dispatcher;
	}

	@PostMapping(path = "${vapi.webhook.path:/vapi/webhook}", consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	Object receive(@RequestBody ServerMessage message) {
		return this.dispatcher.dispatch(message);
	}

}

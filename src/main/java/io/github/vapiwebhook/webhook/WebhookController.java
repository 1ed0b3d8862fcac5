package io.github.vapiwebhook.webhook;

import java.io.IOException;

import io.github.vapiwebhook.message.ServerMessage;
import io.github.vapiwebhook.message.ServerMessageReader;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The endpoint Vapi posts server messages to: accepts the message, has it dispatched, and
 * returns the answer (always HTTP 200 with a bare JSON object).
 * <p>
 * The message is parsed straight from the bytes the body filter cached (the bytes the
 * signature was verified over) and the reply is written straight to the response: Spring
 * MVC still maps the request (method, content type, accepted types) and turns exceptions
 * into problem responses, but no message converter copies the body or negotiates the
 * reply on this critical path.
 */
@RestController
class WebhookController {

	private final ServerMessageReader reader;

	private final ServerMessageDispatcher dispatcher;

	private final ObjectWriter writer;

	WebhookController(ServerMessageReader reader, ServerMessageDispatcher dispatcher,
			ObjectProvider<JsonMapper> mapper) {
		this.reader = reader;
		this.dispatcher = dispatcher;
		this.writer = mapper.getIfAvailable(JsonMapper::new).writer();
	}

	@PostMapping(path = "${vapi.webhook.path:/vapi/webhook}", consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	void receive(HttpServletRequest request, HttpServletResponse response) throws IOException {
		byte[] body = CachedBodyRequest.bodyOf(request);
		ServerMessage message = this.reader.read((body != null) ? body : request.getInputStream().readAllBytes());
		byte[] reply = this.writer.writeValueAsBytes(this.dispatcher.dispatch(message));
		response.setStatus(HttpServletResponse.SC_OK);
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.setContentLength(reply.length);
		response.getOutputStream().write(reply);
	}

}

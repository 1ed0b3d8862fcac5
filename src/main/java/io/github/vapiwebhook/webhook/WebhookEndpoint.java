package io.github.vapiwebhook.webhook;

import java.io.IOException;

import io.github.vapiwebhook.message.ServerMessage;
import io.github.vapiwebhook.message.ServerMessageReader;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.ObjectWriter;

import org.springframework.http.MediaType;

/**
 * Reads a message from the cached body bytes and writes the dispatched answer: the one
 * piece of work behind both the {@link WebhookFastPathFilter} and the
 * {@link WebhookController}.
 */
class WebhookEndpoint {

	private final ServerMessageReader reader;

	private final ServerMessageDispatcher dispatcher;

	private final ObjectWriter writer;

	WebhookEndpoint(ServerMessageReader reader, ServerMessageDispatcher dispatcher, ObjectWriter writer) {
		this.reader = reader;
		this.dispatcher = dispatcher;
		this.writer = writer;
	}

	/**
	 * Reads a message.
	 * @param body the exact body bytes
	 * @return the message
	 * @throws io.github.vapiwebhook.message.InvalidMessageException when the body is not
	 * a readable server message
	 */
	ServerMessage read(byte[] body) {
		return this.reader.read(body);
	}

	/**
	 * Dispatches a message and writes its answer: HTTP 200 with a bare JSON object.
	 * @param message the message
	 * @param response the response
	 * @throws IOException when the answer cannot be written
	 */
	void answer(ServerMessage message, HttpServletResponse response) throws IOException {
		byte[] reply = this.writer.writeValueAsBytes(this.dispatcher.dispatch(message));
		response.setStatus(HttpServletResponse.SC_OK);
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.setContentLength(reply.length);
		response.getOutputStream().write(reply);
	}

}

package io.github.vapiwebhook.webhook;

import java.io.IOException;

import io.github.vapiwebhook.message.ServerMessage;
import io.github.vapiwebhook.message.ServerMessageReader;

import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.AbstractHttpMessageConverter;
import org.springframework.stereotype.Component;

/**
 * Reads a {@link ServerMessage} from the request body through the
 * {@link ServerMessageReader}, so the message is parsed from the same bytes the signature
 * was verified over. Read-only.
 */
@Component
class ServerMessageConverter extends AbstractHttpMessageConverter<ServerMessage> {

	private final ServerMessageReader reader;

	ServerMessageConverter(ServerMessageReader reader) {
		super(MediaType.APPLICATION_JSON);
		this.reader = reader;
	}

	@Override
	protected boolean supports(Class<?> type) {
		return ServerMessage.class.isAssignableFrom(type);
	}

	@Override
	protected boolean canWrite(MediaType mediaType) {
		return false;
	}

	@Override
	protected ServerMessage readInternal(Class<? extends ServerMessage> type, HttpInputMessage input)
			throws IOException {
		return this.reader.read(CachedBodyRequest.bytesOf(input));
	}

	@Override
	protected void writeInternal(ServerMessage message, HttpOutputMessage output) {
		throw new UnsupportedOperationException("Server messages are only read");
	}

}

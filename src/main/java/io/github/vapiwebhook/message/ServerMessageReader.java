package io.github.vapiwebhook.message;

import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns the raw bytes of a webhook request, the envelope {@code {"message": {...}}}, into
 * a typed {@link ServerMessage}, and every way a body can be unreadable into an
 * {@link InvalidMessageException} that says which. The message itself is read as any
 * mapper reads a {@link ServerMessage}: an event message is never refused for its content
 * (what cannot be read is left out and listed in its {@link DroppedFields}), a request
 * message is.
 */
public class ServerMessageReader {

	private final ObjectReader messages;

	/** The first reading: an event fails where a field would be dropped. */
	private final ObjectReader firstReading;

	/**
	 * Creates a reader with a Jackson mapper of its own, with Jackson's defaults.
	 */
	public ServerMessageReader() {
		this(JsonMapper.builder().build());
	}

	/**
	 * Creates a reader that uses a given mapper, such as the application's.
	 * @param mapper the mapper
	 */
	public ServerMessageReader(JsonMapper mapper) {
		// the message is inside the envelope, whose end read() checks itself
		this.messages = mapper.readerFor(ServerMessage.class).without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
		this.firstReading = this.messages.withAttribute(FieldDrops.FAIL_FAST, Boolean.TRUE);
	}

	/**
	 * Reads a message from the exact bytes of a request body.
	 * @param body the request body
	 * @return the typed message
	 * @throws InvalidMessageException when the body is not JSON, has no {@code message}
	 * object or no {@code message.type}, or a request message has a field of the wrong
	 * shape or lacks one its reply needs
	 */
	public ServerMessage read(byte[] body) {
		return read(body, this.firstReading);
	}

	/**
	 * Reads a message with one of the readers. A field that cannot be read fails the
	 * first reading; then the body is read again, where an event drops that field.
	 */
	private ServerMessage read(byte[] body, ObjectReader reader) {
		boolean first = reader == this.firstReading;
		try (JsonParser parser = reader.createParser(body)) {
			if (parser.nextToken() != JsonToken.START_OBJECT) {
				throw new InvalidMessageException("Request body must be a JSON object");
			}
			ServerMessage message = toMessage(parser) ? reader.readValue(parser) : null;
			skipOtherMessages(parser);
			if (parser.nextToken() != null) {
				throw new InvalidMessageException("Request body has content after its JSON object");
			}
			if (message == null) {
				throw new InvalidMessageException("Request body has no 'message' object");
			}
			return message;
		}
		catch (InputCoercionException ex) {
			// valid JSON, but a number out of range of its field
			if (first) {
				return read(body, this.messages);
			}
			throw unreadable(ex);
		}
		catch (StreamReadException ex) {
			throw new InvalidMessageException("Request body is not valid JSON (line %d, column %d)"
				.formatted(ex.getLocation().getLineNr(), ex.getLocation().getColumnNr()), ex);
		}
		catch (JacksonException ex) {
			if (first) {
				return read(body, this.messages);
			}
			throw unreadable(ex);
		}
	}

	/**
	 * The message types this reader turns into their own records.
	 * @return the known type strings
	 */
	public Set<String> knownTypes() {
		return new MessageTypes().names();
	}

	/**
	 * The record a message type is read into.
	 * @param type the {@code type} string as Vapi sends it
	 * @return its record, or {@link UnknownMessage} for a type this server does not know
	 */
	public Class<? extends ServerMessage> recordOf(String type) {
		return new MessageTypes().recordOf(type);
	}

	/**
	 * Moves a parser inside the root object to the start of the next {@code message}
	 * object, skipping every other property.
	 * @return {@code false} at the end of the root object
	 */
	private static boolean toMessage(JsonParser parser) {
		while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
			String name = parser.currentName();
			if (parser.nextToken() == JsonToken.START_OBJECT && "message".equals(name)) {
				return true;
			}
			parser.skipChildren();
		}
		return false;
	}

	/** Skips the rest of the root object: only its first message object counts. */
	private static void skipOtherMessages(JsonParser parser) {
		while (toMessage(parser)) {
			parser.skipChildren();
		}
	}

	private static InvalidMessageException unreadable(JacksonException ex) {
		if (ex instanceof DatabindException) {
			InvalidMessageException cause = findCause(ex);
			if (cause != null) {
				return cause;
			}
			return new InvalidMessageException("Field 'message%s' has an unexpected value".formatted(path(ex)), ex);
		}
		// A number out of range of its field is an InputCoercionException, not a
		// DatabindException; it must still be the client's 400, not a 500.
		return new InvalidMessageException("Field 'message%s' has a value out of range".formatted(path(ex)), ex);
	}

	private static @Nullable InvalidMessageException findCause(Throwable ex) {
		for (Throwable t = ex; t != null; t = t.getCause()) {
			if (t instanceof InvalidMessageException invalid) {
				return invalid;
			}
		}
		return null;
	}

	private static String path(JacksonException ex) {
		return ex.getPath()
			.stream()
			.map((ref) -> (ref.getPropertyName() != null) ? "." + ref.getPropertyName() : "[" + ref.getIndex() + "]")
			.collect(Collectors.joining());
	}

}

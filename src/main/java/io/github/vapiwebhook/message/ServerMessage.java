package io.github.vapiwebhook.message;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * A Vapi server message: the content of the {@code message} property of a webhook
 * request. Request messages expect a reply, event messages do not; anything else is an
 * {@link UnknownMessage}.
 * <p>
 * Any Jackson mapper reads and writes messages in Vapi's own shape, the fields of the
 * {@link MessageContext} beside the record's own: reading the JSON of a {@code message}
 * object as {@code ServerMessage} gives the record of its {@code type}, and writing a
 * message and reading it back gives an equal record. Unknown fields are ignored whatever
 * the mapper's settings.
 */
@JsonDeserialize(using = ServerMessageDeserializer.class)
@JsonSerialize(using = ServerMessageSerializer.class)
public sealed interface ServerMessage permits RequestMessage, EventMessage, UnknownMessage {

	/**
	 * The fields every message type carries (call, customer, phone number, ...).
	 * @return the common fields
	 */
	MessageContext context();

	/**
	 * The {@code type} string exactly as Vapi sent it.
	 * @return the message type
	 */
	default String type() {
		return context().type();
	}

	/**
	 * The call this message belongs to.
	 * @return the call, or {@code null} for messages outside a call (chats, sessions)
	 */
	default @Nullable Call call() {
		return context().call();
	}

	/**
	 * The call id, the key most handlers need.
	 * @return the call id, or {@code null} when the message has no call
	 */
	default @Nullable String callId() {
		Call call = context().call();
		return (call != null) ? call.id() : null;
	}

	/**
	 * The customer on the other end of the call.
	 * @return the customer, or {@code null}
	 */
	default @Nullable Customer customer() {
		return context().customer();
	}

	/**
	 * The active assistant configuration, passed through unread.
	 * @return the assistant as a JSON tree, or {@code null}
	 */
	default @Nullable JsonNode assistant() {
		return context().assistant();
	}

	/**
	 * The live artifact (messages, transcript, recordings).
	 * @return the artifact, or {@code null}
	 */
	default @Nullable Artifact artifact() {
		return context().artifact();
	}

	/**
	 * When Vapi produced the message.
	 * @return the timestamp, or {@code null}
	 */
	default @Nullable Instant timestamp() {
		return context().timestamp();
	}

	/**
	 * The fields of an event message that were missing or of the wrong shape, and are
	 * absent from the record; the message as received is in
	 * {@code context().dropped().raw()}.
	 * @return their paths, such as {@code message.call}; empty when nothing was dropped
	 */
	default List<String> droppedFields() {
		DroppedFields dropped = context().dropped();
		return (dropped != null) ? dropped.paths() : List.of();
	}

}

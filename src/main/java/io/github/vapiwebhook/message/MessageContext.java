package io.github.vapiwebhook.message;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * The fields that every Vapi server message may carry besides its own. In JSON they sit
 * beside the message's own fields, not in an object of their own (see
 * {@link ServerMessage}).
 *
 * @param type the {@code type} string as sent
 * @param timestamp when the message was produced (epoch millis or ISO-8601 on the wire)
 * @param call the call
 * @param customer the customer
 * @param phoneNumber the Vapi phone number involved
 * @param assistant the active assistant configuration, kept as an opaque JSON tree
 * @param artifact the live artifact
 * @param chat the chat, for chat (non-voice) conversations
 * @param assistantVersion the version label of a versioned assistant
 * @param dropped the fields of an event message that were missing or of the wrong shape,
 * with the message as received; {@code null} when there were none (always, for request
 * messages, which are refused instead). Not a Vapi field: it is never read from JSON
 */
@JsonDeserialize(using = RecordDeserializer.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MessageContext(String type, @FlexibleInstant @Nullable Instant timestamp, @Nullable Call call,
		@Nullable Customer customer, @Nullable PhoneNumber phoneNumber, @Nullable JsonNode assistant,
		@Nullable Artifact artifact, @Nullable Chat chat, @Nullable String assistantVersion,
		@JsonIgnore @Nullable DroppedFields dropped) {

	static final String MISSING_TYPE = "'message.type' is missing or not a string";

	public MessageContext {
		if (type == null || type.isBlank()) {
			throw new InvalidMessageException(MISSING_TYPE);
		}
	}

	/**
	 * A context with nothing dropped.
	 * @param type the {@code type} string as sent
	 * @param timestamp when the message was produced
	 * @param call the call
	 * @param customer the customer
	 * @param phoneNumber the Vapi phone number involved
	 * @param assistant the active assistant configuration
	 * @param artifact the live artifact
	 * @param chat the chat
	 * @param assistantVersion the version label of a versioned assistant
	 */
	public MessageContext(String type, @Nullable Instant timestamp, @Nullable Call call, @Nullable Customer customer,
			@Nullable PhoneNumber phoneNumber, @Nullable JsonNode assistant, @Nullable Artifact artifact,
			@Nullable Chat chat, @Nullable String assistantVersion) {
		this(type, timestamp, call, customer, phoneNumber, assistant, artifact, chat, assistantVersion, null);
	}

	/**
	 * A context holding only a type, for tests and synthetic messages.
	 * @param type the message type
	 * @return the context
	 */
	public static MessageContext ofType(String type) {
		return new MessageContext(type, null, null, null, null, null, null, null, null, null);
	}

	/**
	 * Describes this object without personal data or conversation content, which must
	 * never reach the logs.
	 * @return a redacted description
	 */
	@Override
	public String toString() {
		return "MessageContext[type=" + this.type + ", timestamp=" + this.timestamp + ", call=" + this.call
				+ ((this.dropped != null) ? ", dropped=" + this.dropped.paths() : "") + "]";
	}

}

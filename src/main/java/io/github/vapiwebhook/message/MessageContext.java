package io.github.vapiwebhook.message;

import java.time.Instant;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * The fields that every Vapi server message may carry besides its own.
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
 */
public record MessageContext(@JsonDeserialize(using = MessageTypeDeserializer.class) String type,
		@JsonDeserialize(using = FlexibleInstantDeserializer.class) @Nullable Instant timestamp, @Nullable Call call,
		@Nullable Customer customer, @Nullable PhoneNumber phoneNumber, @Nullable JsonNode assistant,
		@Nullable Artifact artifact, @Nullable Chat chat, @Nullable String assistantVersion) {

	public MessageContext {
		if (type == null || type.isBlank()) {
			throw new InvalidMessageException(MessageTypeDeserializer.MISSING);
		}
	}

	/**
	 * A context holding only a type, for tests and synthetic messages.
	 * @param type the message type
	 * @return the context
	 */
	public static MessageContext ofType(String type) {
		return new MessageContext(type, null, null, null, null, null, null, null, null);
	}

	/**
	 * Describes this object without personal data or conversation content, which must
	 * never reach the logs.
	 * @return a redacted description
	 */
	@Override
	public String toString() {
		return "MessageContext[type=" + this.type + ", timestamp=" + this.timestamp + ", call=" + this.call + "]";
	}

}

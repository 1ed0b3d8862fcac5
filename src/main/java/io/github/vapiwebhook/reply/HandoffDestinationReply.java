package io.github.vapiwebhook.reply;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The reply to a {@code handoff-destination-request}: the destination (always present,
 * empty when refusing), an optional tool result, or an error.
 *
 * @param destination the destination object, for example
 * {@code {"type":"assistant","assistantId":"..."}}; empty when refusing
 * @param result the tool result text
 * @param error why there is no handoff; added to the conversation
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record HandoffDestinationReply(JsonNode destination, @Nullable String result, @Nullable String error) {

	public HandoffDestinationReply {
		if (!destination.isObject()) {
			throw new IllegalArgumentException("A handoff destination is a JSON object");
		}
		if (error != null && result != null) {
			throw new IllegalArgumentException("A handoff reply carries a result or an error, not both");
		}
		if (error != null && !destination.isEmpty()) {
			throw new IllegalArgumentException("A refused handoff has an empty destination");
		}
	}

	/**
	 * Hand off to a saved assistant.
	 * @param assistantId the assistant id
	 * @return the reply
	 */
	public static HandoffDestinationReply toAssistantId(String assistantId) {
		ObjectNode destination = JsonNodeFactory.instance.objectNode();
		destination.put("type", "assistant").put("assistantId", assistantId);
		return new HandoffDestinationReply(destination, null, null);
	}

	/**
	 * Hand off to an assistant of the squad, by name.
	 * @param assistantName the assistant name
	 * @return the reply
	 */
	public static HandoffDestinationReply toAssistantName(String assistantName) {
		ObjectNode destination = JsonNodeFactory.instance.objectNode();
		destination.put("type", "assistant").put("assistantName", assistantName);
		return new HandoffDestinationReply(destination, null, null);
	}

	/**
	 * Hand off to a destination given as a JSON object.
	 * @param destination the destination
	 * @return the reply
	 */
	public static HandoffDestinationReply to(ObjectNode destination) {
		return new HandoffDestinationReply(destination, null, null);
	}

	/**
	 * Do not hand off.
	 * @param error why; added to the conversation
	 * @return the reply
	 */
	public static HandoffDestinationReply refuse(String error) {
		return new HandoffDestinationReply(JsonNodeFactory.instance.objectNode(), null, error);
	}

}

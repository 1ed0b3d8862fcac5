package io.github.vapiwebhook.message;

import java.util.List;

import tools.jackson.databind.node.ObjectNode;

/**
 * The fields of an event message that were missing or of the wrong shape, and so were
 * read as absent, with the message as it was received. An event is never refused for its
 * content: Vapi does not retry it, so a refusal would lose it. Written as JSON, a message
 * with dropped fields is its raw object again, so what is stored keeps every value
 * received.
 *
 * @param paths the path of each field, such as {@code message.call} or
 * {@code message.artifact.messages[2].time}, in the order they were met
 * @param raw the whole {@code message} object as received
 */
public record DroppedFields(List<String> paths, ObjectNode raw) {

	public DroppedFields {
		paths = List.copyOf(paths);
	}

	/**
	 * Describes this object without the raw message, which holds personal data.
	 * @return a redacted description
	 */
	@Override
	public String toString() {
		return "DroppedFields[paths=" + this.paths + ", raw redacted]";
	}

}

package io.github.vapiwebhook.message;

import tools.jackson.databind.node.ObjectNode;

/**
 * A message of a type this server does not know yet (Vapi adds types regularly). It is
 * acknowledged with {@code 200 {}} and keeps its raw JSON for listeners that want it;
 * written as JSON, it is that object again.
 *
 * @param context the fields common to all messages, read from {@code raw}
 * @param raw the whole {@code message} object as received
 */
public record UnknownMessage(MessageContext context, ObjectNode raw) implements ServerMessage {

	/**
	 * Describes this object without personal data or conversation content, which must
	 * never reach the logs.
	 * @return a redacted description
	 */
	@Override
	public String toString() {
		return "UnknownMessage[type=" + type() + ", callId=" + callId() + ", content redacted]";
	}

}

package io.github.vapiwebhook.message;

import org.jspecify.annotations.Nullable;

/**
 * A {@code phone-call-control}: Vapi delegates hanging up or forwarding to this server,
 * which must act on it.
 *
 * @param context the fields common to all messages
 * @param request {@code forward} or {@code hang-up}
 * @param destination where to forward, for {@code forward}
 */
public record PhoneCallControlMessage(MessageContext context, @Nullable String request,
		@Nullable Destination destination) implements EventMessage {

	/**
	 * Describes this object without personal data or conversation content, which must
	 * never reach the logs.
	 * @return a redacted description
	 */
	@Override
	public String toString() {
		return "PhoneCallControlMessage[type=" + type() + ", callId=" + callId() + ", request=" + this.request + "]";
	}

}

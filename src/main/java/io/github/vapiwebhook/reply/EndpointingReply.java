package io.github.vapiwebhook.reply;

/**
 * The reply to a {@code call.endpointing.request}: how long to wait before the assistant
 * speaks.
 *
 * @param timeoutSeconds seconds to wait, 0 to 15
 */
public record EndpointingReply(double timeoutSeconds) {

	public EndpointingReply {
		if (!(timeoutSeconds >= 0 && timeoutSeconds <= 15)) {
			throw new IllegalArgumentException("timeoutSeconds must be between 0 and 15");
		}
	}

}

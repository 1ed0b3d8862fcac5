package io.github.vapiwebhook.reply;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * The reply to a {@code transfer-destination-request}: a destination (with an optional
 * message spoken while transferring), or an error meaning "do not transfer".
 *
 * @param destination where to transfer
 * @param message what to say while transferring
 * @param error why not to transfer; added to the conversation
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TransferDestinationReply(@Nullable TransferDestination destination, @Nullable ToolMessage message,
		@Nullable String error) {

	public TransferDestinationReply {
		if ((destination == null) == (error == null)) {
			throw new IllegalArgumentException("A transfer reply carries exactly one of destination or error");
		}
	}

	/**
	 * Transfer to a destination.
	 * @param destination the destination
	 * @return the reply
	 */
	public static TransferDestinationReply to(TransferDestination destination) {
		return new TransferDestinationReply(destination, null, null);
	}

	/**
	 * Transfer to a destination, saying something while transferring.
	 * @param destination the destination
	 * @param spoken what to say
	 * @return the reply
	 */
	public static TransferDestinationReply to(TransferDestination destination, String spoken) {
		return new TransferDestinationReply(destination, ToolMessage.start(spoken), null);
	}

	/**
	 * Do not transfer.
	 * @param error why; added to the conversation
	 * @return the reply
	 */
	public static TransferDestinationReply refuse(String error) {
		return new TransferDestinationReply(null, null, error);
	}

}

package io.github.vapiwebhook.reply;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * A transfer destination in a reply: a phone number, a SIP URI or (for transfers only) an
 * assistant of the squad. Build it with the static factories.
 *
 * @param type {@code number}, {@code sip} or {@code assistant}
 * @param number the E.164 number, for {@code number}
 * @param extension the extension, for {@code number}
 * @param callerId the caller id to present, for {@code number} and {@code sip}
 * @param sipUri the SIP URI, for {@code sip}
 * @param assistantName the assistant, for {@code assistant}
 * @param message what is spoken to the customer before the transfer
 * @param description when the model should use this destination
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TransferDestination(String type, @Nullable String number, @Nullable String extension,
		@Nullable String callerId, @Nullable String sipUri, @Nullable String assistantName, @Nullable String message,
		@Nullable String description) {

	public TransferDestination {
		boolean valid = switch (type) {
			case "number" -> number != null && !number.isBlank() && sipUri == null && assistantName == null;
			case "sip" -> sipUri != null && !sipUri.isBlank() && number == null && assistantName == null;
			case "assistant" -> assistantName != null && !assistantName.isBlank() && number == null && sipUri == null;
			default -> false;
		};
		if (!valid) {
			throw new IllegalArgumentException("A transfer destination is a number, a sip URI or an assistant name");
		}
	}

	/**
	 * Transfer to a phone number.
	 * @param number the number, E.164
	 * @return the destination
	 */
	public static TransferDestination number(String number) {
		return new TransferDestination("number", number, null, null, null, null, null, null);
	}

	/**
	 * Transfer to a SIP URI.
	 * @param sipUri the SIP URI
	 * @return the destination
	 */
	public static TransferDestination sip(String sipUri) {
		return new TransferDestination("sip", null, null, null, sipUri, null, null, null);
	}

	/**
	 * Transfer to another assistant of the squad.
	 * @param assistantName the assistant's name
	 * @return the destination
	 */
	public static TransferDestination assistant(String assistantName) {
		return new TransferDestination("assistant", null, null, null, null, assistantName, null, null);
	}

	/**
	 * The same destination, with a message spoken before the transfer.
	 * @param message the message
	 * @return a new destination
	 */
	public TransferDestination withMessage(String message) {
		return new TransferDestination(this.type, this.number, this.extension, this.callerId, this.sipUri,
				this.assistantName, message, this.description);
	}

}

package io.github.vapiwebhook.message;

/**
 * A {@code transfer-destination-request}: the model called a transfer tool without a
 * usable destination; the reply gives one or refuses.
 *
 * @param context the fields common to all messages
 *
 */
public record TransferDestinationRequestMessage(
		MessageContext context) implements RequestMessage<io.github.vapiwebhook.reply.TransferDestinationReply> {

}

package io.github.vapiwebhook.message;

import com.fasterxml.jackson.annotation.JacksonInject;
import com.fasterxml.jackson.annotation.OptBoolean;

/**
 * A {@code transfer-destination-request}: the model called a transfer tool without a
 * usable destination; the reply gives one or refuses.
 *
 * @param context the fields common to all messages
 *
 */
public record TransferDestinationRequestMessage(@JacksonInject(useInput = OptBoolean.FALSE) MessageContext context)
		implements
			RequestMessage<io.github.vapiwebhook.reply.TransferDestinationReply> {

}

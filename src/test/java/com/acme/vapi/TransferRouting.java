package com.acme.vapi;

// tag::transfer-routing[]
import io.github.vapiwebhook.message.TransferDestinationRequestMessage;
import io.github.vapiwebhook.reply.TransferDestination;
import io.github.vapiwebhook.reply.TransferDestinationReply;
import io.github.vapiwebhook.webhook.ServerMessageHandler;

import org.springframework.stereotype.Component;

@Component
class TransferRouting implements ServerMessageHandler<TransferDestinationRequestMessage, TransferDestinationReply> {

	@Override
	public TransferDestinationReply handle(TransferDestinationRequestMessage message) {
		return TransferDestinationReply.to(TransferDestination.number("+15105550142"), "Connecting you to billing.");
		// or TransferDestinationReply.refuse("Billing is closed today.")
	}

}
// end::transfer-routing[]

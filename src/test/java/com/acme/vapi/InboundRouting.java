package com.acme.vapi;

// tag::inbound-routing[]
import io.github.vapiwebhook.message.AssistantRequestMessage;
import io.github.vapiwebhook.message.Customer;
import io.github.vapiwebhook.reply.AssistantRequestReply;
import io.github.vapiwebhook.webhook.ServerMessageHandler;

import org.springframework.stereotype.Component;

@Component
class InboundRouting implements ServerMessageHandler<AssistantRequestMessage, AssistantRequestReply> {

	@Override
	public AssistantRequestReply handle(AssistantRequestMessage message) {
		Customer caller = message.customer();
		boolean vip = caller != null && "+14155550123".equals(caller.number());
		return AssistantRequestReply.assistantId(vip ? "vip-assistant-id" : "front-desk-assistant-id");
	}

}
// end::inbound-routing[]

package com.acme.calls;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.vapiwebhook.message.AssistantRequestMessage;
import io.github.vapiwebhook.message.EndOfCallReportMessage;
import io.github.vapiwebhook.reply.AssistantRequestReply;
import io.github.vapiwebhook.tools.ToolParam;
import io.github.vapiwebhook.tools.VapiTool;
import io.github.vapiwebhook.webhook.ServerMessageHandler;
import io.github.vapiwebhook.webhook.ServerMessageListener;

import org.springframework.stereotype.Component;

/**
 * The beans of the application: a tool, an assistant router that states its message type
 * only in its type arguments, and a listener.
 */
final class AcmeBeans {

	private AcmeBeans() {
	}

	@Component
	static class OrderTools {

		@VapiTool(name = "order_status", description = "Tells where an order is.")
		String orderStatus(@ToolParam(description = "The order number") String orderNumber) {
			return "Order " + orderNumber + " ships tomorrow.";
		}

	}

	@Component
	static class Router implements ServerMessageHandler<AssistantRequestMessage, AssistantRequestReply> {

		@Override
		public AssistantRequestReply handle(AssistantRequestMessage message) {
			return AssistantRequestReply.assistantId("acme-assistant");
		}

	}

	@Component
	static class Reports implements ServerMessageListener<EndOfCallReportMessage> {

		final List<String> calls = new CopyOnWriteArrayList<>();

		@Override
		public Class<EndOfCallReportMessage> messageType() {
			return EndOfCallReportMessage.class;
		}

		@Override
		public void onMessage(EndOfCallReportMessage message) {
			this.calls.add(message.callId());
		}

	}

}

package com.acme.calls;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.vapiwebhook.message.AssistantRequestMessage;
import io.github.vapiwebhook.message.EndOfCallReportMessage;
import io.github.vapiwebhook.reply.AssistantRequestReply;
import io.github.vapiwebhook.tools.ToolParam;
import io.github.vapiwebhook.tools.VapiTool;
import io.github.vapiwebhook.webhook.ServerMessageHandler;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * The beans of the application: a tool, an assistant router that states its message type
 * only in its type arguments, and a durable listener.
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

	/** A durable listener: at least once, after the report was committed. */
	@Component
	static class Reports {

		private final List<String> calls = new CopyOnWriteArrayList<>();

		@ApplicationModuleListener
		void on(EndOfCallReportMessage message) {
			this.calls.add(message.callId());
		}

		List<String> calls() {
			return this.calls;
		}

	}

}

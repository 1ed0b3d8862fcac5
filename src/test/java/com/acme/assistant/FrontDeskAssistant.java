package com.acme.assistant;

// tag::transient-assistant[]
import io.github.vapiwebhook.message.AssistantRequestMessage;
import io.github.vapiwebhook.message.Customer;
import io.github.vapiwebhook.reply.AssistantRequestReply;
import io.github.vapiwebhook.reply.TransientAssistant;
import io.github.vapiwebhook.webhook.ServerMessageHandler;

import org.springframework.stereotype.Component;

@Component
class FrontDeskAssistant implements ServerMessageHandler<AssistantRequestMessage, AssistantRequestReply> {

	@Override
	public AssistantRequestReply handle(AssistantRequestMessage message) {
		Customer caller = message.customer();
		String name = (caller != null && caller.name() != null) ? caller.name() : "there";
		return AssistantRequestReply.assistant(TransientAssistant.builder()
			.name("Front desk")
			.firstMessage("Hello " + name + ", Acme Dental, how can I help?")
			.model("openai", "gpt-4.1-mini")
			.systemPrompt("You are the receptionist of Acme Dental. Keep answers short.")
			.toolIds("3f1c0a52-5f1e-4f7e-9a8d-2b1c4d6e8f00") // tools saved in Vapi
			.voice("11labs", "burt")
			.transcriber("deepgram", "nova-3")
			.server("https://hooks.example.com/vapi/webhook") // this server
			.serverCredentialId("550e8400-e29b-41d4-a716-446655440000")
			.withVoice("speed", 0.9) // a field the builder does not name
			.with("maxDurationSeconds", 900)
			.build());
	}

}
// end::transient-assistant[]

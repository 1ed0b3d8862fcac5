package com.acme.assistant;

import io.github.vapiwebhook.message.AssistantRequestMessage;
import io.github.vapiwebhook.message.ServerMessageReader;
import io.github.vapiwebhook.reply.AssistantRequestReply;
import io.github.vapiwebhook.reply.AssistantRequestReplySchema;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

class FrontDeskAssistantTests {

	@Test
	void answersTheCallerWithATransientAssistantThatVapiAccepts() throws Exception {
		byte[] body = new ClassPathResource("messages/assistant-request.json").getContentAsByteArray();
		AssistantRequestMessage message = (AssistantRequestMessage) new ServerMessageReader().read(body);
		AssistantRequestReply reply = new FrontDeskAssistant().handle(message);
		JsonNode json = JsonMapper.shared().valueToTree(reply);
		assertThat(new AssistantRequestReplySchema().errorsOf(json)).isEmpty();
		assertThat(json.at("/assistant/firstMessage").asString())
			.isEqualTo("Hello Dana Whitfield, Acme Dental, how can I help?");
		assertThat(json.at("/assistant/model/toolIds/0").asString()).isEqualTo("3f1c0a52-5f1e-4f7e-9a8d-2b1c4d6e8f00");
		assertThat(json.at("/assistant/voice/speed").asDouble()).isEqualTo(0.9);
		assertThat(json.at("/assistant/maxDurationSeconds").asInt()).isEqualTo(900);
	}

}

package io.github.vapiwebhook.reply;

import io.github.vapiwebhook.message.AssistantRequestMessage;
import io.github.vapiwebhook.webhook.ServerMessageHandler;
import org.junit.jupiter.api.Test;
import org.skyscreamer.jsonassert.JSONAssert;
import org.skyscreamer.jsonassert.JSONCompareMode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A handler bean answers an assistant-request with a typed transient assistant, over real
 * HTTP through the whole filter chain.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "vapi.security.shared-secret.secrets=test-secret")
class TransientAssistantHttpTests {

	@LocalServerPort
	int port;

	@Test
	void handlerAnswersWithTheTypedAssistantAsVapiReadsIt() throws Exception {
		ResponseEntity<String> response = RestClient.create("http://127.0.0.1:" + this.port)
			.post()
			.uri("/vapi/webhook")
			.contentType(MediaType.APPLICATION_JSON)
			.header("X-Vapi-Secret", "test-secret")
			.body(new ClassPathResource("messages/assistant-request.json").getContentAsByteArray())
			.retrieve()
			.toEntity(String.class);
		assertThat(response.getStatusCode().value()).isEqualTo(200);
		assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_JSON);
		JSONAssert.assertEquals("""
				{"assistant":{
				 "name":"Front desk",
				 "firstMessage":"Hello Dana Whitfield, thanks for calling Acme Dental.",
				 "model":{"provider":"openai","model":"gpt-4.1-mini",
				  "messages":[{"role":"system","content":"You book appointments for Acme Dental."}],
				  "toolIds":["3f1c0a52-5f1e-4f7e-9a8d-2b1c4d6e8f00"]},
				 "voice":{"provider":"11labs","voiceId":"burt"},
				 "server":{"url":"https://hooks.example.com/vapi/webhook","timeoutSeconds":20},
				 "maxDurationSeconds":900}}""", response.getBody(), JSONCompareMode.STRICT);
		assertThat(new AssistantRequestReplySchema().errorsOf(JsonMapper.shared().readTree(response.getBody())))
			.isEmpty();
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Handlers {

		@Bean
		FrontDesk frontDesk() {
			return new FrontDesk();
		}

	}

	static class FrontDesk implements ServerMessageHandler<AssistantRequestMessage, AssistantRequestReply> {

		@Override
		public AssistantRequestReply handle(AssistantRequestMessage message) {
			String caller = (message.customer() != null) ? message.customer().name() : null;
			return AssistantRequestReply.assistant(TransientAssistant.builder()
				.name("Front desk")
				.firstMessage("Hello " + ((caller != null) ? caller : "there") + ", thanks for calling Acme Dental.")
				.model("openai", "gpt-4.1-mini")
				.systemPrompt("You book appointments for Acme Dental.")
				.toolIds("3f1c0a52-5f1e-4f7e-9a8d-2b1c4d6e8f00")
				.voice("11labs", "burt")
				.server("https://hooks.example.com/vapi/webhook")
				.serverTimeoutSeconds(20)
				.with("maxDurationSeconds", 900)
				.build());
		}

	}

}

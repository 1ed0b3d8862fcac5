package io.github.vapiwebhook.reply;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.skyscreamer.jsonassert.JSONAssert;
import org.skyscreamer.jsonassert.JSONCompareMode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class TransientAssistantTests {

	private final JsonMapper mapper = JsonMapper.builder().build();

	private final AssistantRequestReplySchema schema = new AssistantRequestReplySchema();

	@Test
	void writesTheCommonPartsInVapisShape() throws Exception {
		TransientAssistant assistant = frontDesk().build();
		JSONAssert.assertEquals("""
				{"assistant":{
				 "name":"Front desk",
				 "firstMessage":"Acme Dental, how can I help?",
				 "model":{"provider":"openai","model":"gpt-4.1-mini",
				  "messages":[{"role":"system","content":"You book appointments for Acme Dental."}],
				  "toolIds":["3f1c0a52-5f1e-4f7e-9a8d-2b1c4d6e8f00","7a2b9c14-1d3e-4b5f-8c6a-0e9f1a2b3c4d"],
				  "temperature":0.3,"maxTokens":300},
				 "voice":{"provider":"11labs","voiceId":"burt"},
				 "transcriber":{"provider":"deepgram","model":"nova-3"},
				 "server":{"url":"https://hooks.example.com/vapi/webhook","timeoutSeconds":20,
				  "credentialId":"550e8400-e29b-41d4-a716-446655440000"}}}""",
				this.mapper.writeValueAsString(AssistantRequestReply.assistant(assistant)), JSONCompareMode.STRICT);
	}

	@Test
	void commonPartsValidateAgainstVapisSchema() {
		assertThat(this.schema.errorsOf(frontDesk().build())).isEmpty();
	}

	@Test
	void everySupportedProviderValidatesAgainstVapisSchema() {
		List<TransientAssistant> assistants = List.of(
				TransientAssistant.builder()
					.model("anthropic", "claude-sonnet-4-20250514")
					.voice("cartesia", "a0e99841-438c-4a64-b679-ae501e7d6091")
					.transcriber("assembly-ai")
					.build(),
				TransientAssistant.builder()
					.model("google", "gemini-2.5-flash")
					.voice("azure", "andrew")
					.transcriber("google", "gemini-2.5-flash")
					.build(),
				TransientAssistant.builder()
					.model("groq", "llama-3.3-70b-versatile")
					.voice("openai", "alloy")
					.withVoice("model", "gpt-4o-mini-tts")
					.build(),
				TransientAssistant.builder()
					.model("custom-llm", "acme-support-v2")
					.withModel("url", "https://llm.example.com/v1")
					.voice("vapi", "Elliot")
					.build(),
				TransientAssistant.builder().firstMessage("Hello.").voice("deepgram", "asteria").build(),
				TransientAssistant.builder().build());
		for (TransientAssistant assistant : assistants) {
			assertThat(this.schema.errorsOf(assistant)).as(assistant.toJson().toString()).isEmpty();
		}
	}

	@Test
	void passThroughFieldsAreWrittenAfterTheTypedOnesAndValidate() throws Exception {
		TransientAssistant assistant = TransientAssistant.builder()
			.firstMessage("Hi.")
			.model("openai", "gpt-4.1-mini")
			.withModel("messages", List.of(Map.of("role", "system", "content", "Be brief.")))
			.voice("11labs", "burt")
			.withVoice("speed", 0.9)
			.transcriber("deepgram")
			.withTranscriber("language", "en-US")
			.server("https://hooks.example.com/vapi/webhook")
			.withServer("headers", Map.of("X-Tenant", "acme"))
			.with("maxDurationSeconds", 900)
			.with("serverMessages", List.of("end-of-call-report", "status-update"))
			.with("firstMessageMode", "assistant-waits-for-user")
			.build();
		JSONAssert.assertEquals(
				"""
						{"firstMessage":"Hi.",
						 "model":{"provider":"openai","model":"gpt-4.1-mini","messages":[{"role":"system","content":"Be brief."}]},
						 "voice":{"provider":"11labs","voiceId":"burt","speed":0.9},
						 "transcriber":{"provider":"deepgram","language":"en-US"},
						 "server":{"url":"https://hooks.example.com/vapi/webhook","headers":{"X-Tenant":"acme"}},
						 "maxDurationSeconds":900,"serverMessages":["end-of-call-report","status-update"],
						 "firstMessageMode":"assistant-waits-for-user"}""",
				this.mapper.writeValueAsString(assistant), JSONCompareMode.STRICT);
		assertThat(this.schema.errorsOf(assistant)).isEmpty();
	}

	@Test
	void schemaRefusesWhatVapiRefuses() {
		TransientAssistant misspelt = TransientAssistant.builder().with("firstMesage", "Hi.").build();
		TransientAssistant tooShort = TransientAssistant.builder().with("maxDurationSeconds", 5).build();
		TransientAssistant unknownProvider = TransientAssistant.builder().model("acme", "model-1").build();
		assertThat(this.schema.errorsOf(misspelt)).isNotEmpty();
		assertThat(this.schema.errorsOf(tooShort)).isNotEmpty();
		assertThat(this.schema.errorsOf(unknownProvider)).isNotEmpty();
	}

	@Test
	void writesNothingThatWasNotSet() throws Exception {
		TransientAssistant assistant = TransientAssistant.builder().firstMessage("Hello.").build();
		assertThat(this.mapper.writeValueAsString(assistant)).isEqualTo("{\"firstMessage\":\"Hello.\"}");
	}

	@Test
	void rejectsModelWithoutProviderOrName() {
		assertThatIllegalArgumentException().isThrownBy(() -> TransientAssistant.builder().model("openai", " ").build())
			.withMessageContaining("provider and a model name");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> TransientAssistant.builder().model("", "gpt-4.1-mini").build())
			.withMessageContaining("provider and a model name");
	}

	@Test
	void rejectsModelDetailsWithoutModel() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> TransientAssistant.builder().systemPrompt("Be brief.").build())
			.withMessageContaining("model(provider, model)");
		assertThatIllegalArgumentException().isThrownBy(() -> TransientAssistant.builder().toolIds("t-1").build())
			.withMessageContaining("model(provider, model)");
	}

	@Test
	void rejectsVoiceWithoutVoiceId() {
		assertThatIllegalArgumentException().isThrownBy(() -> TransientAssistant.builder().voice("11labs", "").build())
			.withMessageContaining("provider and a voice id");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> TransientAssistant.builder().withVoice("speed", 1.0).build())
			.withMessageContaining("voice(provider, voiceId)");
	}

	@Test
	void rejectsWhatVapisSchemaBounds() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> TransientAssistant.builder().name("A name that is far longer than forty chars").build())
			.withMessageContaining("1 to 40 characters");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> TransientAssistant.builder().model("openai", "gpt-4.1-mini").temperature(2.5).build())
			.withMessageContaining("between 0 and 2");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> TransientAssistant.builder().model("openai", "gpt-4.1-mini").maxTokens(10).build())
			.withMessageContaining("between 50 and 10000");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> TransientAssistant.builder()
				.server("https://hooks.example.com/vapi/webhook")
				.serverTimeoutSeconds(301)
				.build())
			.withMessageContaining("between 1 and 300");
	}

	@Test
	void rejectsBlankTexts() {
		assertThatIllegalArgumentException().isThrownBy(() -> TransientAssistant.builder().firstMessage(" ").build())
			.withMessageContaining("first message is blank");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> TransientAssistant.builder().model("openai", "gpt-4.1-mini").systemPrompt("").build())
			.withMessageContaining("system prompt is blank");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> TransientAssistant.builder().model("openai", "gpt-4.1-mini").toolIds("t-1", " ").build())
			.withMessageContaining("tool id is blank");
	}

	@Test
	void rejectsServerUrlThatIsNotAbsoluteHttpWithoutRepeatingIt() {
		for (String url : List.of("/vapi/webhook", "ftp://hooks.example.com/x", "https://", "not a url?token=s3cret")) {
			assertThatIllegalArgumentException().isThrownBy(() -> TransientAssistant.builder().server(url).build())
				.withMessage("The server URL must be an absolute http or https URL");
		}
	}

	@Test
	void rejectsAFieldSetTwice() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> TransientAssistant.builder().firstMessage("Hi.").with("firstMessage", "Hello.").build())
			.withMessageContaining("assistant.firstMessage is set twice");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> TransientAssistant.builder()
				.model("openai", "gpt-4.1-mini")
				.systemPrompt("Be brief.")
				.withModel("messages", List.of())
				.build())
			.withMessageContaining("model.messages is set twice");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> TransientAssistant.builder().voice("11labs", "burt").withVoice("voiceId", "x").build())
			.withMessageContaining("voice.voiceId is set twice");
	}

	@Test
	void passThroughReplacesTheWholePartWhenTheTypedOneIsNotUsed() throws Exception {
		TransientAssistant assistant = TransientAssistant.builder()
			.with("model", this.mapper.readTree("{\"provider\":\"vapi\",\"workflowId\":\"wf-1\"}"))
			.build();
		assertThat(assistant.toJson().get("model").get("workflowId").asString()).isEqualTo("wf-1");
	}

	@Test
	void rejectsNullPassThroughValue() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> TransientAssistant.builder().with("metadata", this.mapper.nullNode()).build())
			.withMessageContaining("not null");
	}

	@Test
	void theAssistantIsImmutableOnceBuilt() {
		TransientAssistantBuilder builder = frontDesk();
		TransientAssistant first = builder.build();
		builder.toolIds("0b6d7e3f-0000-4000-8000-000000000000").with("metadata", Map.of("tenant", "acme"));
		first.toJson().putObject("metadata");
		assertThat(first.toJson().has("metadata")).isFalse();
		assertThat(first.model().toolIds()).hasSize(2);
	}

	private TransientAssistantBuilder frontDesk() {
		return TransientAssistant.builder()
			.name("Front desk")
			.firstMessage("Acme Dental, how can I help?")
			.model("openai", "gpt-4.1-mini")
			.systemPrompt("You book appointments for Acme Dental.")
			.toolIds("3f1c0a52-5f1e-4f7e-9a8d-2b1c4d6e8f00", "7a2b9c14-1d3e-4b5f-8c6a-0e9f1a2b3c4d")
			.temperature(0.3)
			.maxTokens(300)
			.voice("11labs", "burt")
			.transcriber("deepgram", "nova-3")
			.server("https://hooks.example.com/vapi/webhook")
			.serverTimeoutSeconds(20)
			.serverCredentialId("550e8400-e29b-41d4-a716-446655440000");
	}

}

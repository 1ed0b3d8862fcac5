package io.github.vapiwebhook.reply;

import org.junit.jupiter.api.Test;
import org.skyscreamer.jsonassert.JSONAssert;
import org.skyscreamer.jsonassert.JSONCompareMode;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class AssistantRequestReplyTests {

	private final JsonMapper mapper = JsonMapper.builder().build();

	@Test
	void savedAssistantIsTheBareAssistantId() throws Exception {
		assertJson(AssistantRequestReply.assistantId("9e4a2b71"), "{\"assistantId\":\"9e4a2b71\"}");
	}

	@Test
	void savedAssistantCarriesItsOverrides() throws Exception {
		JsonNode overrides = this.mapper.readTree("{\"variableValues\":{\"name\":\"Dana\"}}");
		assertJson(AssistantRequestReply.assistantId("9e4a2b71", overrides),
				"{\"assistantId\":\"9e4a2b71\",\"assistantOverrides\":{\"variableValues\":{\"name\":\"Dana\"}}}");
	}

	@Test
	void transientAssistantIsPassedThroughUnchanged() throws Exception {
		String assistant = "{\"firstMessage\":\"Hello\",\"model\":{\"provider\":\"openai\",\"model\":\"gpt-4o-mini\"}}";
		assertJson(AssistantRequestReply.assistant(this.mapper.readTree(assistant)),
				"{\"assistant\":" + assistant + "}");
	}

	@Test
	void squadAndWorkflowRepliesCarryOnlyTheirField() throws Exception {
		assertJson(AssistantRequestReply.squadId("sq-1"), "{\"squadId\":\"sq-1\"}");
		assertJson(AssistantRequestReply.squad(this.mapper.readTree("{\"members\":[]}")),
				"{\"squad\":{\"members\":[]}}");
		assertJson(AssistantRequestReply.workflowId("wf-1"), "{\"workflowId\":\"wf-1\"}");
		assertJson(AssistantRequestReply.workflow(this.mapper.readTree("{\"nodes\":[]}")),
				"{\"workflow\":{\"nodes\":[]}}");
	}

	@Test
	void destinationForwardsWithoutAssistant() throws Exception {
		assertJson(AssistantRequestReply.destination(TransferDestination.number("+15105550142")),
				"{\"destination\":{\"type\":\"number\",\"number\":\"+15105550142\"}}");
		assertJson(AssistantRequestReply.destination(TransferDestination.sip("sip:desk@example.com")),
				"{\"destination\":{\"type\":\"sip\",\"sipUri\":\"sip:desk@example.com\"}}");
	}

	@Test
	void errorIsTheBareErrorText() throws Exception {
		assertJson(AssistantRequestReply.error("We are closed."), "{\"error\":\"We are closed.\"}");
	}

	@Test
	void rejectsNoChoice() {
		assertThatIllegalArgumentException()
			.isThrownBy(
					() -> new AssistantRequestReply(null, null, null, null, null, null, null, null, null, null, null))
			.withMessageContaining("exactly one");
	}

	@Test
	void rejectsTwoChoices() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new AssistantRequestReply("a", null, null, "s", null, null, null, null, null, null, null))
			.withMessageContaining("exactly one");
		assertThatIllegalArgumentException().isThrownBy(
				() -> new AssistantRequestReply("a", null, null, null, null, null, null, null, null, null, "closed"))
			.withMessageContaining("exactly one");
	}

	@Test
	void rejectsOverridesWithoutTheirOwner() {
		JsonNode overrides = this.mapper.createObjectNode();
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new AssistantRequestReply(null, null, null, "s", null, overrides, null, null, overrides,
					null, null))
			.withMessageContaining("workflowOverrides");
		assertThatIllegalArgumentException().isThrownBy(
				() -> new AssistantRequestReply(null, null, overrides, "s", null, null, null, null, null, null, null))
			.withMessageContaining("assistantOverrides");
	}

	@Test
	void rejectsAssistantDestination() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> AssistantRequestReply.destination(TransferDestination.assistant("Billing")))
			.withMessageContaining("number or a SIP URI");
	}

	@Test
	void rejectsBlankError() {
		assertThatIllegalArgumentException().isThrownBy(() -> AssistantRequestReply.error("  "));
	}

	private void assertJson(Object reply, String expected) throws Exception {
		JSONAssert.assertEquals(expected, this.mapper.writeValueAsString(reply), JSONCompareMode.STRICT);
	}

}

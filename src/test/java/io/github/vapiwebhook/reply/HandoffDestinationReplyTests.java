package io.github.vapiwebhook.reply;

import org.junit.jupiter.api.Test;
import org.skyscreamer.jsonassert.JSONAssert;
import org.skyscreamer.jsonassert.JSONCompareMode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class HandoffDestinationReplyTests {

	private final JsonMapper mapper = JsonMapper.builder().build();

	@Test
	void handoffToSavedAssistant() throws Exception {
		assertJson(HandoffDestinationReply.toAssistantId("a-1"),
				"{\"destination\":{\"type\":\"assistant\",\"assistantId\":\"a-1\"}}");
	}

	@Test
	void handoffToSquadMember() throws Exception {
		assertJson(HandoffDestinationReply.toAssistantName("Billing"),
				"{\"destination\":{\"type\":\"assistant\",\"assistantName\":\"Billing\"}}");
	}

	@Test
	void handoffToFreeFormDestination() throws Exception {
		ObjectNode destination = (ObjectNode) this.mapper.readTree(
				"{\"type\":\"assistant\",\"assistantId\":\"a-2\",\"contextEngineeringPlan\":{\"type\":\"none\"}}");
		assertJson(HandoffDestinationReply.to(destination), "{\"destination\":" + destination + "}");
	}

	@Test
	void refusalHasEmptyDestinationAndError() throws Exception {
		assertJson(HandoffDestinationReply.refuse("No one to hand off to"),
				"{\"destination\":{},\"error\":\"No one to hand off to\"}");
	}

	@Test
	void rejectsNonObjectDestination() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new HandoffDestinationReply(this.mapper.readTree("\"billing\""), null, null));
	}

	@Test
	void rejectsErrorWithDestination() {
		assertThatIllegalArgumentException().isThrownBy(
				() -> new HandoffDestinationReply(this.mapper.readTree("{\"type\":\"assistant\"}"), null, "no"));
	}

	@Test
	void rejectsResultWithError() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new HandoffDestinationReply(this.mapper.readTree("{}"), "handed off", "no"));
	}

	private void assertJson(Object reply, String expected) throws Exception {
		JSONAssert.assertEquals(expected, this.mapper.writeValueAsString(reply), JSONCompareMode.STRICT);
	}

}

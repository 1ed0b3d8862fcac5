package io.github.vapiwebhook.reply;

import org.junit.jupiter.api.Test;
import org.skyscreamer.jsonassert.JSONAssert;
import org.skyscreamer.jsonassert.JSONCompareMode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class TransferDestinationReplyTests {

	private final JsonMapper mapper = JsonMapper.builder().build();

	@Test
	void transferToNumberWithSpokenMessage() throws Exception {
		assertJson(TransferDestinationReply.to(TransferDestination.number("+15105550142"), "Transferring you now"),
				"{\"destination\":{\"type\":\"number\",\"number\":\"+15105550142\"},"
						+ "\"message\":{\"type\":\"request-start\",\"content\":\"Transferring you now\"}}");
	}

	@Test
	void transferToSipWithDestinationMessage() throws Exception {
		assertJson(
				TransferDestinationReply.to(TransferDestination.sip("sip:desk@example.com").withMessage("One moment")),
				"{\"destination\":{\"type\":\"sip\",\"sipUri\":\"sip:desk@example.com\",\"message\":\"One moment\"}}");
	}

	@Test
	void transferToSquadAssistant() throws Exception {
		assertJson(TransferDestinationReply.to(TransferDestination.assistant("Billing")),
				"{\"destination\":{\"type\":\"assistant\",\"assistantName\":\"Billing\"}}");
	}

	@Test
	void refusalIsTheBareError() throws Exception {
		assertJson(TransferDestinationReply.refuse("Nobody is available"), "{\"error\":\"Nobody is available\"}");
	}

	@Test
	void rejectsDestinationTogetherWithError() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new TransferDestinationReply(TransferDestination.number("+1555"), null, "no"));
		assertThatIllegalArgumentException().isThrownBy(() -> new TransferDestinationReply(null, null, null));
	}

	@Test
	void destinationRejectsMixedOrMissingTargets() {
		assertThatIllegalArgumentException().isThrownBy(() -> TransferDestination.number(" "));
		assertThatIllegalArgumentException().isThrownBy(() -> TransferDestination.sip(""));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new TransferDestination("number", "+1555", null, null, "sip:x", null, null, null));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new TransferDestination("phone", "+1555", null, null, null, null, null, null));
	}

	private void assertJson(Object reply, String expected) throws Exception {
		JSONAssert.assertEquals(expected, this.mapper.writeValueAsString(reply), JSONCompareMode.STRICT);
	}

}

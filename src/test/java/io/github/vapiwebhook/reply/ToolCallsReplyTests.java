package io.github.vapiwebhook.reply;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.skyscreamer.jsonassert.JSONAssert;
import org.skyscreamer.jsonassert.JSONCompareMode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ToolCallsReplyTests {

	private final JsonMapper mapper = JsonMapper.builder().build();

	@Test
	void serialisesOneResultPerCallInOrder() throws Exception {
		ToolCallsReply reply = new ToolCallsReply(
				List.of(ToolCallResult.success("check_availability", "call_1", "{\"slots\":[\"09:00\"]}"),
						ToolCallResult.failure("book_appointment", "call_2", "Booking is down")
							.withMessage(ToolMessage.failed("Sorry, booking is down."))));
		assertJson(reply, """
				{"results":[
				 {"name":"check_availability","toolCallId":"call_1","result":"{\\"slots\\":[\\"09:00\\"]}"},
				 {"name":"book_appointment","toolCallId":"call_2","error":"Booking is down",
				  "message":{"type":"request-failed","content":"Sorry, booking is down."}}]}""");
	}

	@Test
	void emptyReplyHasEmptyResults() throws Exception {
		assertJson(new ToolCallsReply(List.of()), "{\"results\":[]}");
	}

	@Test
	void resultsAreMadeSingleLine() {
		assertThat(ToolCallResult.success("t", "c", "line one\r\n  line two\nthree").result())
			.isEqualTo("line one line two three");
		assertThat(ToolCallResult.failure("t", "c", "bad\n\nthing").error()).isEqualTo("bad thing");
	}

	@Test
	void rejectsBothResultAndError() {
		assertThatIllegalArgumentException().isThrownBy(() -> new ToolCallResult("t", "c", "ok", "bad", null))
			.withMessageContaining("exactly one of result or error");
	}

	@Test
	void rejectsNeitherResultNorError() {
		assertThatIllegalArgumentException().isThrownBy(() -> new ToolCallResult("t", "c", null, null, null))
			.withMessageContaining("exactly one of result or error");
	}

	@Test
	void rejectsMissingNameOrCallId() {
		assertThatIllegalArgumentException().isThrownBy(() -> ToolCallResult.success(null, "c", "ok"))
			.withMessageContaining("name");
		assertThatIllegalArgumentException().isThrownBy(() -> ToolCallResult.success("t", null, "ok"))
			.withMessageContaining("toolCallId");
	}

	@Test
	void rejectsStartMessageOnAResult() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ToolCallResult.success("t", "c", "ok").withMessage(ToolMessage.start("Hold on")))
			.withMessageContaining("request-complete or request-failed");
	}

	@Test
	void toolMessageSerialisesRoleAndEndCall() throws Exception {
		assertJson(ToolMessage.complete("Booked for nine.").asSystemHint().thenEndCall(),
				"{\"type\":\"request-complete\",\"content\":\"Booked for nine.\",\"role\":\"system\","
						+ "\"endCallAfterSpokenEnabled\":true}");
	}

	@Test
	void toolMessageRejectsInvalidValues() {
		assertThatIllegalArgumentException().isThrownBy(() -> new ToolMessage("request-done", "x", null, null));
		assertThatIllegalArgumentException().isThrownBy(() -> ToolMessage.complete(" "));
		assertThatIllegalArgumentException().isThrownBy(() -> ToolMessage.complete("x".repeat(1001)));
		assertThatIllegalArgumentException().isThrownBy(() -> new ToolMessage("request-complete", "x", "user", null));
	}

	@Test
	void functionCallReplyIsTheBareSingleLineResult() throws Exception {
		assertJson(new FunctionCallReply("Two slots:\n09:00, 11:15"), "{\"result\":\"Two slots: 09:00, 11:15\"}");
	}

	private void assertJson(Object reply, String expected) throws Exception {
		JSONAssert.assertEquals(expected, this.mapper.writeValueAsString(reply), JSONCompareMode.STRICT);
	}

}

package io.github.vapiwebhook.simulate;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class ReplyCheckTests {

	private static final Duration DEADLINE = Duration.ofSeconds(20);

	private final ReplyCheck check = ReplyCheck.standard(JsonMapper.builder().build());

	@Test
	void anEventPassesWithAny2xxAndAnyBody() {
		assertThat(verdict("status-update", 204, "").isOk()).isTrue();
		assertThat(verdict("end-of-call-report", 202, "not json").isOk()).isTrue();
		assertThat(verdict("status-update", 302, "").problems())
			.containsExactly("HTTP 302, Vapi counts anything but 2xx as a failure");
	}

	@Test
	void aRequestNeedsABareJsonObject() {
		assertThat(verdict("assistant-request", 200, "<html>").problems()).containsExactly("the reply is not JSON");
		assertThat(verdict("assistant-request", 200, "[]").problems())
			.containsExactly("the reply is not a JSON object");
		assertThat(verdict("assistant-request", 200, "{\"error\":\"Closed today.\"}").isOk()).isTrue();
	}

	@Test
	void aToolCallsReplyMayBeATopLevelError() {
		assertThat(verdict("tool-calls", 200, "{\"error\":\"batch failed\"}").isOk()).isTrue();
		assertThat(verdict("tool-calls", 200, "{\"results\":{}}").problems())
			.containsExactly("reply.results is not an array");
	}

	@Test
	void aToolResultNeedsItsNameAndAResultOrError() {
		assertThat(verdict("tool-calls", 200, "{\"results\":[{\"toolCallId\":\"call_1\",\"result\":5}]}").problems())
			.containsExactly("results[0] has no 'name'", "results[0].result is not a string",
					"no result for toolCallId 'call_1'");
		assertThat(verdict("tool-calls", 200, "{\"results\":[{\"name\":\"a\",\"toolCallId\":\"call_1\"}]}").problems())
			.containsExactly("results[0] has none of result, error", "no result for toolCallId 'call_1'");
	}

	@Test
	void aToolCallAnsweredWithAnErrorPassesButSaysSo() {
		Verdict verdict = verdict("tool-calls", 200,
				"{\"results\":[{\"name\":\"current_time\",\"toolCallId\":\"call_1\","
						+ "\"error\":\"Argument 'timeZone' must be an IANA time zone such as Europe/Paris\"}]}");

		assertThat(verdict.isOk()).isTrue();
		assertThat(verdict).hasToString(
				"ok (tool error from current_time: Argument 'timeZone' must be an IANA time zone such as Europe/Paris)");
		assertThat(verdict("tool-calls", 200,
				"{\"results\":[{\"name\":\"a\",\"toolCallId\":\"call_1\",\"result\":\"x\"}]}"))
			.hasToString("ok");
	}

	@Test
	void twoResultsForOneToolCallFail() {
		String twice = "{\"results\":[{\"name\":\"a\",\"toolCallId\":\"call_1\",\"result\":\"x\"},"
				+ "{\"name\":\"a\",\"toolCallId\":\"call_1\",\"result\":\"y\"}]}";
		assertThat(verdict("tool-calls", 200, twice).problems()).containsExactly("two results for toolCallId 'call_1'");
	}

	@Test
	void checksTheRequiredFieldsOfTheOtherReplyTypes() {
		assertThat(verdict("campaign.predial", 200, "{\"eligible\":\"yes\"}").problems())
			.containsExactly("reply.eligible is not a boolean");
		assertThat(verdict("call.endpointing.request", 200, "{}").problems())
			.containsExactly("reply has no 'timeoutSeconds'");
		assertThat(verdict("handoff-destination-request", 200, "{\"destination\":{\"type\":\"assistant\"}}").isOk())
			.isTrue();
		assertThat(verdict("transfer-destination-request", 200, "{\"destination\":\"+15555550100\"}").problems())
			.containsExactly("reply.destination is not an object");
	}

	@Test
	void anAnswerAfterTheDeadlineFails() {
		OutgoingMessage message = message("status-update");
		Exchange late = new Exchange(message, 200, Duration.ofMillis(1200), "{}", null, Duration.ofSeconds(1));
		assertThat(this.check.verdict(late).problems())
			.containsExactly("answered after 1200 ms, past Vapi's deadline of 1000 ms");
	}

	@Test
	void anAssistantRequestWaitsSevenAndAHalfSecondsAtMost() {
		assertThat(message("assistant-request").deadline(DEADLINE)).isEqualTo(Duration.ofMillis(7500));
		assertThat(message("assistant-request").deadline(Duration.ofSeconds(2))).isEqualTo(Duration.ofSeconds(2));
		assertThat(message("tool-calls").deadline(DEADLINE)).isEqualTo(DEADLINE);
	}

	private Verdict verdict(String type, int status, String body) {
		return this.check.verdict(new Exchange(message(type), status, Duration.ofMillis(5), body, null, DEADLINE));
	}

	private static OutgoingMessage message(String type) {
		List<String> ids = "tool-calls".equals(type) ? List.of("call_1") : List.of();
		return new OutgoingMessage(1, type, "{}".getBytes(StandardCharsets.UTF_8), ids, null);
	}

}

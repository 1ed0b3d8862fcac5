package io.github.vapiwebhook.simulate;

import java.time.Duration;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One message to send, with what its reply must show.
 *
 * @param call the number of the call it belongs to, from 1
 * @param type the message type
 * @param body the exact JSON body
 * @param toolCallIds the tool call ids a tool-calls reply must answer, each once
 * @param expectedOutcome "result" or "error" when every tool result must carry that
 * property, else null
 */
record OutgoingMessage(int call, String type, byte[] body, List<String> toolCallIds, @Nullable String expectedOutcome) {

	/** Vapi's fixed end-to-end limit for an assistant-request answer. */
	static final Duration ASSISTANT_REQUEST_DEADLINE = Duration.ofMillis(7500);

	OutgoingMessage {
		toolCallIds = List.copyOf(toolCallIds);
	}

	/**
	 * How long Vapi waits for the answer.
	 * @param timeout the server's timeoutSeconds
	 * @return 7.5 s for an assistant-request (or the timeout when it is shorter), else
	 * the timeout
	 */
	Duration deadline(Duration timeout) {
		if ("assistant-request".equals(this.type) && timeout.compareTo(ASSISTANT_REQUEST_DEADLINE) > 0) {
			return ASSISTANT_REQUEST_DEADLINE;
		}
		return timeout;
	}

}

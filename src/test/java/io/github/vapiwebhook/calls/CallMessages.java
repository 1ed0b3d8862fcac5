package io.github.vapiwebhook.calls;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.function.Consumer;

import io.github.vapiwebhook.message.EndOfCallReportMessage;
import io.github.vapiwebhook.message.ServerMessage;
import io.github.vapiwebhook.message.ServerMessageReader;
import io.github.vapiwebhook.message.StatusUpdateMessage;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Builds the messages of a call for the tests of the call store, from the realistic
 * fixtures in {@code src/test/resources/messages}: the end-of-call report and the status
 * update of a call with another id, status or time, or with fields changed.
 */
final class CallMessages {

	/** The report fixture's start of the call. */
	static final Instant STARTED_AT = Instant.parse("2025-11-26T17:40:01.200Z");

	/** The report fixture's end of the call. */
	static final Instant ENDED_AT = Instant.parse("2025-11-26T17:47:53.980Z");

	/** The report fixture's ended reason. */
	static final String REPORT_ENDED_REASON = "customer-ended-call";

	/** The ended reason of the fixture's {@code ended} status update. */
	static final String STATUS_ENDED_REASON = "call.in-progress.error-providerfault-brand-new-provider-failed";

	private final JsonMapper mapper = JsonMapper.builder().build();

	private final ServerMessageReader reader = new ServerMessageReader();

	EndOfCallReportMessage report(String callId) {
		return report(callId, (message) -> {
		});
	}

	EndOfCallReportMessage report(String callId, Consumer<ObjectNode> edit) {
		ObjectNode message = fixture("end-of-call-report");
		((ObjectNode) message.get("call")).put("id", callId);
		edit.accept(message);
		return (EndOfCallReportMessage) read(message);
	}

	/**
	 * A status update of the call, at a time, with the fixture's ended reason when the
	 * status is {@code ended}.
	 */
	StatusUpdateMessage status(String callId, String status, Instant at) {
		return status(callId, status, at, (message) -> {
		});
	}

	StatusUpdateMessage status(String callId, String status, Instant at, Consumer<ObjectNode> edit) {
		ObjectNode message = fixture("status-update");
		ObjectNode call = (ObjectNode) message.get("call");
		call.put("id", callId);
		call.put("status", status);
		message.put("status", status);
		message.put("timestamp", at.toEpochMilli());
		if (!status.equals("ended")) {
			message.remove("endedReason");
			call.remove("endedReason");
		}
		edit.accept(message);
		return (StatusUpdateMessage) read(message);
	}

	/**
	 * A message read from JSON, as the webhook reads it.
	 */
	ServerMessage read(String messageJson) {
		return this.reader.read(("{\"message\":" + messageJson + "}").getBytes(StandardCharsets.UTF_8));
	}

	private ServerMessage read(ObjectNode message) {
		return read(this.mapper.writeValueAsString(message));
	}

	private ObjectNode fixture(String name) {
		try (InputStream in = CallMessages.class.getResourceAsStream("/messages/" + name + ".json")) {
			if (in == null) {
				throw new IllegalArgumentException("No fixture " + name);
			}
			return (ObjectNode) this.mapper.readTree(in).get("message");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}

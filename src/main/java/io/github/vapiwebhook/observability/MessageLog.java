package io.github.vapiwebhook.observability;

import java.time.Duration;

import io.github.vapiwebhook.message.RequestMessage;
import io.github.vapiwebhook.message.ServerMessage;
import io.github.vapiwebhook.message.UnknownMessage;
import io.github.vapiwebhook.reply.ToolCallsReply;
import io.github.vapiwebhook.webhook.DispatchObserver;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One log line per message, written once its answer is known: at INFO for request
 * messages (the types Vapi waits for), at DEBUG for events. A line holds the type, the
 * call id, the outcome and the milliseconds it took, and for tool-calls how many tool
 * calls were answered with an error; never anything from the message's content. Each kind
 * has its own logger, so that {@code logging.level.vapi.webhook.requests} and
 * {@code logging.level.vapi.webhook.events} switch them on and off; when a logger's level
 * is off, nothing is formatted.
 */
class MessageLog implements DispatchObserver {

	/** The logger of the lines about request messages (INFO). */
	static final String REQUESTS = "vapi.webhook.requests";

	/** The logger of the lines about events (DEBUG). */
	static final String EVENTS = "vapi.webhook.events";

	private static final int MAX_TYPE_LENGTH = 80;

	private final Logger requests = LoggerFactory.getLogger(REQUESTS);

	private final Logger events = LoggerFactory.getLogger(EVENTS);

	@Override
	public void answered(ServerMessage message, Outcome outcome, Duration elapsed, Duration deadline) {
		answered(message, null, outcome, elapsed, deadline);
	}

	@Override
	public void answered(ServerMessage message, @Nullable Object reply, Outcome outcome, Duration elapsed,
			Duration deadline) {
		if (message instanceof RequestMessage<?>) {
			if (this.requests.isInfoEnabled()) {
				this.requests.info("{} for call {}: {} in {} ms{}", message.type(), callId(message), describe(outcome),
						elapsed.toMillis(), toolErrors(reply));
			}
		}
		else if (this.events.isDebugEnabled()) {
			this.events.debug("{} for call {}: acknowledged in {} ms", type(message), callId(message),
					elapsed.toMillis());
		}
	}

	/** How many of a tool-calls reply's results are errors, when any is. */
	private static String toolErrors(@Nullable Object reply) {
		if (reply instanceof ToolCallsReply tools) {
			long errors = tools.results().stream().filter((result) -> result.error() != null).count();
			if (errors > 0) {
				return ", " + errors + " of " + tools.results().size() + " tool calls answered with an error";
			}
		}
		return "";
	}

	private static String describe(Outcome outcome) {
		return switch (outcome) {
			case HANDLED -> "answered";
			case TIMEOUT -> "fallback reply sent after the deadline";
			case ERROR -> "fallback reply sent after a handler error";
			case ACKNOWLEDGED -> "acknowledged";
		};
	}

	private static String callId(ServerMessage message) {
		String callId = message.callId();
		return (callId != null) ? callId : "-";
	}

	// An unknown type comes from the request as it is: keep the line short.
	private static String type(ServerMessage message) {
		String type = message.type();
		return (message instanceof UnknownMessage && type.length() > MAX_TYPE_LENGTH)
				? type.substring(0, MAX_TYPE_LENGTH) + "..." : type;
	}

}

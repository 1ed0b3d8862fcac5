package io.github.vapiwebhook.observability;

import java.time.Duration;

import io.github.vapiwebhook.message.ServerMessage;
import io.github.vapiwebhook.message.UnknownMessage;
import io.github.vapiwebhook.webhook.DispatchObserver;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.springframework.stereotype.Component;

/**
 * Records how messages were answered. Tags stay low-cardinality: the message type
 * (unknown types share one value) and the outcome; never a call id, a phone number or an
 * argument.
 */
@Component
class WebhookMetrics implements DispatchObserver {

	static final String MESSAGES = "vapi.webhook.messages";

	static final String HANDLING = "vapi.webhook.handling";

	static final String DEADLINES = "vapi.webhook.deadlines";

	static final String FALLBACKS = "vapi.webhook.fallbacks";

	private final MeterRegistry registry;

	WebhookMetrics(MeterRegistry registry) {
		this.registry = registry;
	}

	@Override
	public void answered(ServerMessage message, Outcome outcome, Duration elapsed, Duration deadline) {
		String type = typeTag(message);
		String outcomeTag = outcome.name().toLowerCase(java.util.Locale.ROOT);
		Counter.builder(MESSAGES)
			.description("Server messages received, by type and how they were answered")
			.tags("type", type, "outcome", outcomeTag)
			.register(this.registry)
			.increment();
		Timer.builder(HANDLING)
			.description("Time from dispatch to answer, by message type")
			.tag("type", type)
			.publishPercentiles(0.5, 0.95, 0.99)
			.publishPercentileHistogram()
			.register(this.registry)
			.record(elapsed);
		if (outcome != Outcome.ACKNOWLEDGED) {
			boolean met = outcome == Outcome.HANDLED && elapsed.compareTo(deadline) <= 0;
			Counter.builder(DEADLINES)
				.description("Replies by whether the handler answered within the type's deadline")
				.tags("type", type, "result", met ? "met" : "missed")
				.register(this.registry)
				.increment();
		}
		if (outcome == Outcome.TIMEOUT || outcome == Outcome.ERROR) {
			Counter.builder(FALLBACKS)
				.description("Fallback replies sent because a handler was late or failed")
				.tags("type", type, "reason", outcomeTag)
				.register(this.registry)
				.increment();
		}
	}

	private static String typeTag(ServerMessage message) {
		return (message instanceof UnknownMessage) ? "unknown" : message.type();
	}

}

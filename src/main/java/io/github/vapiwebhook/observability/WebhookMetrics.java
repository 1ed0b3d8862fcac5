package io.github.vapiwebhook.observability;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import io.github.vapiwebhook.message.ServerMessage;
import io.github.vapiwebhook.message.UnknownMessage;
import io.github.vapiwebhook.webhook.DispatchObserver;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.jspecify.annotations.Nullable;

/**
 * Records how messages were answered, and the fields that events were read without. Tags
 * stay low-cardinality: the message type (unknown types share one value), the outcome,
 * and a field's path with its array indexes left out (at most {@value #MAX_FIELDS} of
 * them); never a call id, a phone number or an argument.
 */
class WebhookMetrics implements DispatchObserver {

	static final String MESSAGES = "vapi.webhook.messages";

	static final String HANDLING = "vapi.webhook.handling";

	static final String DEADLINES = "vapi.webhook.deadlines";

	static final String FALLBACKS = "vapi.webhook.fallbacks";

	static final String DROPPED_FIELDS = "vapi.webhook.dropped.fields";

	/** Distinct field tags, past which a field is counted as {@code other}. */
	static final int MAX_FIELDS = 200;

	private static final Pattern INDEX = Pattern.compile("\\[\\d+]");

	private final MeterRegistry registry;

	// Meters are looked up once per combination of tags: registering on every message
	// costs
	// an id and a registry lookup each time, on the critical path.
	private final Map<String, Meters> meters = new ConcurrentHashMap<>();

	private final Map<String, Counter> droppedFields = new ConcurrentHashMap<>();

	WebhookMetrics(MeterRegistry registry) {
		this.registry = registry;
	}

	@Override
	public void answered(ServerMessage message, Outcome outcome, Duration elapsed, Duration deadline) {
		boolean met = outcome == Outcome.HANDLED && elapsed.compareTo(deadline) <= 0;
		String type = typeTag(message);
		this.meters.computeIfAbsent(type + '|' + outcome + '|' + met, (key) -> meters(type, outcome, met))
			.record(elapsed);
		for (String path : message.droppedFields()) {
			droppedField(type, INDEX.matcher(path).replaceAll("[]")).increment();
		}
	}

	private Counter droppedField(String type, String field) {
		String key = type + '|' + field;
		Counter counter = this.droppedFields.get(key);
		if (counter != null) {
			return counter;
		}
		String tag = (this.droppedFields.size() < MAX_FIELDS) ? field : "other";
		return this.droppedFields.computeIfAbsent(type + '|' + tag,
				(absent) -> Counter.builder(DROPPED_FIELDS)
					.description("Fields that event messages were read without, missing or of the wrong shape")
					.tags("type", type, "field", tag)
					.register(this.registry));
	}

	private Meters meters(String type, Outcome outcome, boolean met) {
		String outcomeTag = outcome.name().toLowerCase(Locale.ROOT);
		Counter messages = Counter.builder(MESSAGES)
			.description("Server messages received, by type and how they were answered")
			.tags("type", type, "outcome", outcomeTag)
			.register(this.registry);
		Timer handling = Timer.builder(HANDLING)
			.description("Time from dispatch to answer, by message type")
			.tag("type", type)
			.publishPercentiles(0.5, 0.95, 0.99)
			.publishPercentileHistogram()
			.register(this.registry);
		Counter deadlines = (outcome == Outcome.ACKNOWLEDGED) ? null
				: Counter.builder(DEADLINES)
					.description("Replies by whether the handler answered within the type's deadline")
					.tags("type", type, "result", met ? "met" : "missed")
					.register(this.registry);
		Counter fallbacks = (outcome != Outcome.TIMEOUT && outcome != Outcome.ERROR) ? null
				: Counter.builder(FALLBACKS)
					.description("Fallback replies sent because a handler was late or failed")
					.tags("type", type, "reason", outcomeTag)
					.register(this.registry);
		return new Meters(messages, handling, deadlines, fallbacks);
	}

	private static String typeTag(ServerMessage message) {
		return (message instanceof UnknownMessage) ? "unknown" : message.type();
	}

	private record Meters(Counter messages, Timer handling, @Nullable Counter deadlines, @Nullable Counter fallbacks) {

		void record(Duration elapsed) {
			this.messages.increment();
			this.handling.record(elapsed);
			if (this.deadlines != null) {
				this.deadlines.increment();
			}
			if (this.fallbacks != null) {
				this.fallbacks.increment();
			}
		}

	}

}

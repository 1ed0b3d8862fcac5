package io.github.vapiwebhook.tools;

import io.github.vapiwebhook.reply.ToolCallResult;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Times tool calls in the timer {@code vapi.tools.calls}, tagged with the tool name and
 * the outcome ({@code ok}, {@code error}, {@code timeout}, {@code unknown}). Names of
 * unknown tools are tagged {@code unknown}: the model may invent any number of them, and
 * tags must stay few. Counts, without tags, the calls answered with an error instead of
 * running: {@code vapi.tools.idempotency.conflicts} (a tool call id already used for
 * another tool or other arguments) and {@code vapi.tools.refused} (past
 * {@code vapi.tools.max-calls-per-message}).
 */
class ToolMetrics {

	private final MeterRegistry registry;

	private final Counter conflicts;

	private final Counter refused;

	ToolMetrics(MeterRegistry registry) {
		this.registry = registry;
		this.conflicts = Counter.builder("vapi.tools.idempotency.conflicts")
			.description("Tool calls not run because their tool call id was already used in the same call "
					+ "for another tool or other arguments")
			.register(registry);
		this.refused = Counter.builder("vapi.tools.refused")
			.description("Tool calls not run because their message held more than vapi.tools.max-calls-per-message")
			.register(registry);
	}

	Timer.Sample start() {
		return Timer.start(this.registry);
	}

	void unknownTool() {
		stop(start(), "unknown", "unknown");
	}

	void conflict() {
		this.conflicts.increment();
	}

	void refused(int calls) {
		this.refused.increment(calls);
	}

	void stop(Timer.Sample sample, String tool, ToolCallResult result, boolean timedOut) {
		stop(sample, tool, timedOut ? "timeout" : (result.error() != null) ? "error" : "ok");
	}

	private void stop(Timer.Sample sample, String tool, String outcome) {
		sample.stop(Timer.builder("vapi.tools.calls")
			.description("Tool calls answered, by tool and outcome")
			.tag("tool", tool)
			.tag("outcome", outcome)
			.publishPercentiles(0.5, 0.95, 0.99)
			.publishPercentileHistogram()
			.register(this.registry));
	}

}

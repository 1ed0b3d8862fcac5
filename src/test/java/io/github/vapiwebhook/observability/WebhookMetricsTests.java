package io.github.vapiwebhook.observability;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

import io.github.vapiwebhook.message.DroppedFields;
import io.github.vapiwebhook.message.HangMessage;
import io.github.vapiwebhook.message.MessageContext;
import io.github.vapiwebhook.message.ServerMessage;
import io.github.vapiwebhook.message.ServerMessageReader;
import io.github.vapiwebhook.webhook.DispatchObserver.Outcome;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.JsonNodeFactory;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookMetricsTests {

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	private final WebhookMetrics metrics = new WebhookMetrics(this.registry);

	private final ServerMessageReader reader = new ServerMessageReader();

	private ServerMessage message(String type) {
		// a tool-calls message needs a call to be read
		return this.reader.read(("{\"message\":{\"type\":\"" + type
				+ "\",\"call\":{\"id\":\"call-1\"},\"customer\":{\"number\":\"+15551234567\"},"
				+ "\"toolCallList\":[{\"id\":\"t1\",\"function\":{\"name\":\"f\",\"arguments\":{}}}]}}")
			.getBytes(java.nio.charset.StandardCharsets.UTF_8));
	}

	@Test
	void countsAcknowledgedMessagesByTypeAndOutcome() {
		this.metrics.answered(message("hang"), Outcome.ACKNOWLEDGED, Duration.ofMillis(1), Duration.ZERO);
		this.metrics.answered(message("hang"), Outcome.ACKNOWLEDGED, Duration.ofMillis(1), Duration.ZERO);
		assertThat(this.registry.get(WebhookMetrics.MESSAGES)
			.tags("type", "hang", "outcome", "acknowledged")
			.counter()
			.count()).isEqualTo(2);
		assertThat(this.registry.find(WebhookMetrics.DEADLINES).meters()).isEmpty();
		assertThat(this.registry.find(WebhookMetrics.FALLBACKS).meters()).isEmpty();
	}

	@Test
	void recordsHandlingTimeOfEachMessageType() {
		this.metrics.answered(message("assistant-request"), Outcome.HANDLED, Duration.ofMillis(40),
				Duration.ofMillis(6500));
		assertThat(this.registry.get(WebhookMetrics.HANDLING).tag("type", "assistant-request").timer().count())
			.isEqualTo(1);
		assertThat(this.registry.get(WebhookMetrics.HANDLING)
			.tag("type", "assistant-request")
			.timer()
			.totalTime(java.util.concurrent.TimeUnit.MILLISECONDS)).isEqualTo(40);
	}

	@Test
	void countsRepliesWithinAndPastTheirDeadline() {
		Duration deadline = Duration.ofSeconds(1);
		this.metrics.answered(message("tool-calls"), Outcome.HANDLED, Duration.ofMillis(5), deadline);
		this.metrics.answered(message("tool-calls"), Outcome.TIMEOUT, deadline, deadline);
		assertThat(this.registry.get(WebhookMetrics.DEADLINES)
			.tags("type", "tool-calls", "result", "met")
			.counter()
			.count()).isEqualTo(1);
		assertThat(this.registry.get(WebhookMetrics.DEADLINES)
			.tags("type", "tool-calls", "result", "missed")
			.counter()
			.count()).isEqualTo(1);
	}

	@Test
	void countsFallbackRepliesByReason() {
		Duration deadline = Duration.ofSeconds(1);
		this.metrics.answered(message("assistant-request"), Outcome.TIMEOUT, deadline, deadline);
		this.metrics.answered(message("assistant-request"), Outcome.ERROR, Duration.ofMillis(3), deadline);
		assertThat(this.registry.get(WebhookMetrics.FALLBACKS)
			.tags("type", "assistant-request", "reason", "timeout")
			.counter()
			.count()).isEqualTo(1);
		assertThat(this.registry.get(WebhookMetrics.FALLBACKS)
			.tags("type", "assistant-request", "reason", "error")
			.counter()
			.count()).isEqualTo(1);
	}

	@Test
	void unknownTypesShareOneTagValue() {
		this.metrics.answered(message("brand-new-type-1"), Outcome.ACKNOWLEDGED, Duration.ZERO, Duration.ZERO);
		this.metrics.answered(message("brand-new-type-2"), Outcome.ACKNOWLEDGED, Duration.ZERO, Duration.ZERO);
		assertThat(this.registry.get(WebhookMetrics.MESSAGES).tags("type", "unknown").counter().count()).isEqualTo(2);
	}

	@Test
	void countsEachDroppedFieldByTypeAndPathWithoutItsIndexes() {
		ServerMessage report = this.reader.read(("{\"message\":{\"type\":\"end-of-call-report\",\"call\":\"c-1\","
				+ "\"artifact\":{\"messages\":[{\"role\":\"bot\",\"time\":\"soon\"},"
				+ "{\"role\":\"bot\",\"time\":\"soon\"}]}}}")
			.getBytes(java.nio.charset.StandardCharsets.UTF_8));
		this.metrics.answered(report, Outcome.ACKNOWLEDGED, Duration.ZERO, Duration.ZERO);
		assertThat(this.registry.get(WebhookMetrics.DROPPED_FIELDS)
			.tags("type", "end-of-call-report", "field", "message.call")
			.counter()
			.count()).isEqualTo(1);
		assertThat(this.registry.get(WebhookMetrics.DROPPED_FIELDS)
			.tags("type", "end-of-call-report", "field", "message.artifact.messages[].time")
			.counter()
			.count()).isEqualTo(2);
		assertThat(this.registry.get(WebhookMetrics.DROPPED_FIELDS)
			.tags("type", "end-of-call-report", "field", "message.endedReason")
			.counter()
			.count()).isEqualTo(1);
		assertThat(this.registry.find(WebhookMetrics.DROPPED_FIELDS).meters()).hasSize(3);
	}

	@Test
	void countsNoDroppedFieldForAWellFormedMessage() {
		this.metrics.answered(message("hang"), Outcome.ACKNOWLEDGED, Duration.ZERO, Duration.ZERO);
		assertThat(this.registry.find(WebhookMetrics.DROPPED_FIELDS).meters()).isEmpty();
	}

	@Test
	void countsDroppedFieldsPastTheLimitOfDistinctPathsAsOther() {
		List<String> paths = IntStream.range(0, WebhookMetrics.MAX_FIELDS + 10)
			.mapToObj((i) -> "message.field" + i)
			.toList();
		DroppedFields dropped = new DroppedFields(paths, JsonNodeFactory.instance.objectNode().put("type", "hang"));
		HangMessage message = new HangMessage(
				new MessageContext("hang", null, null, null, null, null, null, null, null, dropped));
		this.metrics.answered(message, Outcome.ACKNOWLEDGED, Duration.ZERO, Duration.ZERO);
		assertThat(this.registry.find(WebhookMetrics.DROPPED_FIELDS).meters()).hasSize(WebhookMetrics.MAX_FIELDS + 1);
		assertThat(this.registry.get(WebhookMetrics.DROPPED_FIELDS)
			.tags("type", "hang", "field", "other")
			.counter()
			.count()).isEqualTo(10);
	}

	@Test
	void metersCarryOnlyTheDocumentedTags() {
		Duration deadline = Duration.ofSeconds(1);
		this.metrics.answered(message("tool-calls"), Outcome.ERROR, Duration.ofMillis(5), deadline);
		this.metrics.answered(message("speech-update"), Outcome.ACKNOWLEDGED, Duration.ofMillis(1), Duration.ZERO);
		this.metrics.answered(
				this.reader.read("{\"message\":{\"type\":\"hang\",\"call\":\"+15551234567\"}}"
					.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
				Outcome.ACKNOWLEDGED, Duration.ZERO, Duration.ZERO);
		for (Meter meter : this.registry.getMeters()) {
			// "phi" is Micrometer's own tag on the percentile gauges of the handling
			// timer
			String[] allowed = meter.getId().getName().endsWith(".percentile") ? new String[] { "type", "phi" }
					: new String[] { "type", "outcome", "result", "reason", "field" };
			assertThat(meter.getId().getTags()).extracting(Tag::getKey).isSubsetOf(allowed);
			assertThat(meter.getId().getTags()).extracting(Tag::getValue)
				.noneMatch((value) -> value.contains("call-1") || value.contains("5551234567"));
		}
	}

}

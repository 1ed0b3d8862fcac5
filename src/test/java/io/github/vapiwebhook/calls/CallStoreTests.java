package io.github.vapiwebhook.calls;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.github.vapiwebhook.message.EndOfCallReportMessage;
import io.github.vapiwebhook.message.ServerMessage;
import io.github.vapiwebhook.message.StatusUpdateMessage;
import io.github.vapiwebhook.testing.TestDatabases;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static io.github.vapiwebhook.calls.CallMessages.ENDED_AT;
import static io.github.vapiwebhook.calls.CallMessages.REPORT_ENDED_REASON;
import static io.github.vapiwebhook.calls.CallMessages.STARTED_AT;
import static io.github.vapiwebhook.calls.CallMessages.STATUS_ENDED_REASON;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The call store on every test database: one row per call whatever the order and number
 * of its messages, what is kept of a report, and what is never kept.
 */
@ExtendWith(OutputCaptureExtension.class)
class CallStoreTests {

	private static final Instant RINGING = Instant.parse("2025-11-26T17:39:58Z");

	private static final Instant IN_PROGRESS = Instant.parse("2025-11-26T17:40:01.200Z");

	private static final Instant ENDED = Instant.parse("2025-11-26T17:47:54Z");

	private final CallMessages messages = new CallMessages();

	static List<String> databases() {
		return TestDatabases.names();
	}

	@ParameterizedTest
	@MethodSource("databases")
	void storesTheReportsFieldsInTheCallsRow(String database) {
		CallStoreDatabase db = new CallStoreDatabase(database);
		EndOfCallReportMessage report = this.messages.report("call-1");
		db.store().recordReport(report);
		CallDetails call = db.queries().find("call-1");
		assertThat(call.assistantId()).isEqualTo("9e4a2b71-0c3d-4f6e-8a15-d2b7c6e3f480");
		assertThat(call.phoneNumberId()).isEqualTo("3a8d5c2e-71f0-4b9a-a6d4-8e2c0f1b7d35");
		assertThat(call.customerNumber()).isEqualTo("+14155550123");
		assertThat(call.startedAt()).isEqualTo(STARTED_AT);
		assertThat(call.endedAt()).isEqualTo(ENDED_AT);
		assertThat(call.durationSeconds()).isEqualTo(472.78);
		assertThat(call.endedReason()).isEqualTo(REPORT_ENDED_REASON);
		assertThat(call.cost()).isEqualByComparingTo("0.834");
		assertThat(call.costBreakdown().total()).isEqualByComparingTo("0.834");
		assertThat(call.costBreakdown().llmPromptTokens()).isEqualTo(48211L);
		assertThat(call.costs()).hasSize(7).first().satisfies((item) -> {
			assertThat(item.type()).isEqualTo("transport");
			assertThat(item.cost()).isEqualByComparingTo("0.0621");
		});
		assertThat(call.summary()).startsWith("Dana Whitfield called to move her cleaning");
		assertThat(call.structuredData().get("intent").asString()).isEqualTo("reschedule");
		assertThat(call.successEvaluation()).isEqualTo("true");
		assertThat(call.recordings()).isEqualTo(
				new RecordingUrls("https://storage.vapi.ai/c6f1e0a2-84b7-4d2e-b9a3-0f5d7c2e91aa-1764178800000-mono.wav",
						"https://storage.vapi.ai/c6f1e0a2-84b7-4d2e-b9a3-0f5d7c2e91aa-1764178800000-stereo.wav", null,
						"https://storage.vapi.ai/c6f1e0a2-84b7-4d2e-b9a3-0f5d7c2e91aa-1764178800000-assistant.wav",
						"https://storage.vapi.ai/c6f1e0a2-84b7-4d2e-b9a3-0f5d7c2e91aa-1764178800000-customer.wav"));
		assertThat(call.transcriptAvailable()).isTrue();
		assertThat(db.queries().transcript("call-1").transcript()).isEqualTo(report.fullTranscript());
		assertThat(call.reportReceivedAt()).isEqualTo(CallStoreDatabase.START);
		assertThat(call.statusTimeline()).isEmpty();
		assertThat(call.purgedAt()).isNull();
	}

	@ParameterizedTest
	@MethodSource("databases")
	void keepsTheRawReportInVapisShape(String database) {
		CallStoreDatabase db = new CallStoreDatabase(database);
		EndOfCallReportMessage report = this.messages.report("call-1");
		db.store().recordReport(report);
		String raw = db.column("report", "call-1");
		assertThat(raw).isEqualTo(JsonMapper.builder().build().writeValueAsString(report));
		assertThat(JsonMapper.builder().build().readValue(raw, ServerMessage.class)).isEqualTo(report);
	}

	@ParameterizedTest
	@MethodSource("databases")
	void neverKeepsPresignedUrls(String database) {
		CallStoreDatabase db = new CallStoreDatabase(database);
		db.store()
			.recordReport(this.messages.report("call-1",
					(message) -> ((ObjectNode) message.get("artifact"))
						.put("presignedMonoUrl", "https://storage.example/mono.wav?X-Amz-Signature=ab12")
						.put("presignedStereoUrl", "https://storage.example/stereo.wav?X-Amz-Signature=cd34")
						.put("presignedUrlsExpiresAt", "2025-11-26T18:47:53.980Z")));
		assertThat(db.column("report", "call-1")).doesNotContain("X-Amz-Signature").doesNotContain("presigned");
		assertThat(db.column("recording_urls", "call-1")).doesNotContain("X-Amz-Signature");
	}

	@ParameterizedTest
	@MethodSource("databases")
	void aRepeatedReportStillGivesOneCall(String database) {
		CallStoreDatabase db = new CallStoreDatabase(database);
		CallStore store = db.store();
		store.recordReport(this.messages.report("call-1"));
		CallDetails first = db.queries().find("call-1");
		db.clock.advance(Duration.ofMinutes(5));
		store.recordReport(this.messages.report("call-1"));
		assertThat(db.rows("call_record", "call-1")).isOne();
		assertThat(db.queries().find("call-1")).usingRecursiveComparison().ignoringFields("updatedAt").isEqualTo(first);
	}

	@ParameterizedTest
	@MethodSource("databases")
	void aReportBeforeTheEndedStatusGivesTheSameCallAsAfterIt(String database) {
		CallStoreDatabase db = new CallStoreDatabase(database);
		CallStore store = db.store();
		store.recordStatus(this.messages.status("status-first", "in-progress", IN_PROGRESS));
		store.recordStatus(this.messages.status("status-first", "ended", ENDED));
		store.recordReport(this.messages.report("status-first"));
		store.recordReport(this.messages.report("report-first"));
		store.recordStatus(this.messages.status("report-first", "ended", ENDED));
		store.recordStatus(this.messages.status("report-first", "in-progress", IN_PROGRESS));
		CallDetails statusFirst = db.queries().find("status-first");
		CallDetails reportFirst = db.queries().find("report-first");
		assertThat(reportFirst).usingRecursiveComparison().ignoringFields("id").isEqualTo(statusFirst);
		assertThat(statusFirst.endedReason()).isEqualTo(REPORT_ENDED_REASON);
		assertThat(statusFirst.status()).isEqualTo("ended");
		assertThat(statusFirst.statusTimeline()).containsExactly(new StatusChange("in-progress", IN_PROGRESS),
				new StatusChange("ended", ENDED));
		assertThat(statusFirst.durationSeconds()).isEqualTo(472.78);
		assertThat(statusFirst.transcriptAvailable()).isTrue();
	}

	@ParameterizedTest
	@MethodSource("databases")
	void statusUpdatesAloneFillTheCallUntilTheReportArrives(String database) {
		CallStoreDatabase db = new CallStoreDatabase(database);
		CallStore store = db.store();
		store.recordStatus(this.messages.status("call-1", "ringing", RINGING, (message) -> {
			((ObjectNode) message.get("call")).remove("startedAt");
		}));
		store.recordStatus(this.messages.status("call-1", "ended", ENDED,
				(message) -> ((ObjectNode) message.get("call")).put("endedAt", "2025-11-26T17:47:54Z")));
		CallDetails call = db.queries().find("call-1");
		assertThat(call.statusTimeline()).extracting(StatusChange::status).containsExactly("ringing", "ended");
		assertThat(call.startedAt()).isEqualTo(STARTED_AT);
		assertThat(call.endedAt()).isEqualTo(ENDED);
		assertThat(call.durationSeconds()).isEqualTo(472.8);
		assertThat(call.endedReason()).isEqualTo(STATUS_ENDED_REASON);
		assertThat(call.customerNumber()).isEqualTo("+14155550123");
		assertThat(call.cost()).isNull();
		assertThat(call.transcriptAvailable()).isFalse();
		assertThat(call.reportReceivedAt()).isNull();
	}

	@ParameterizedTest
	@MethodSource("databases")
	void aRepeatedStatusKeepsTheTimeItWasFirstReported(String database) {
		CallStoreDatabase db = new CallStoreDatabase(database);
		CallStore store = db.store();
		store.recordStatus(this.messages.status("call-1", "in-progress", IN_PROGRESS.plusSeconds(2)));
		store.recordStatus(this.messages.status("call-1", "in-progress", IN_PROGRESS));
		store.recordStatus(this.messages.status("call-1", "in-progress", IN_PROGRESS.plusSeconds(9)));
		assertThat(db.rows("call_status", "call-1")).isOne();
		assertThat(db.queries().find("call-1").statusTimeline())
			.containsExactly(new StatusChange("in-progress", IN_PROGRESS));
	}

	@ParameterizedTest
	@MethodSource("databases")
	void aStatusWithoutATimestampIsTimedWhenItArrives(String database) {
		CallStoreDatabase db = new CallStoreDatabase(database);
		db.store()
			.recordStatus(this.messages.status("call-1", "queued", RINGING, (message) -> message.remove("timestamp")));
		assertThat(db.queries().find("call-1").statusTimeline())
			.containsExactly(new StatusChange("queued", CallStoreDatabase.START));
	}

	@ParameterizedTest
	@MethodSource("databases")
	void theReportsOwnTimesComeBeforeTheCallsForTheDuration(String database) {
		CallStoreDatabase db = new CallStoreDatabase(database);
		CallStore store = db.store();
		store.recordReport(
				this.messages.report("own-times", (message) -> message.put("endedAt", "2025-11-26T17:41:01.200Z")));
		store.recordReport(this.messages.report("call-times", (message) -> {
			message.remove("startedAt");
			message.remove("endedAt");
		}));
		assertThat(db.queries().find("own-times").durationSeconds()).isEqualTo(60.0);
		assertThat(db.queries().find("call-times").durationSeconds()).isEqualTo(472.78);
	}

	@ParameterizedTest
	@MethodSource("databases")
	void storesWhatIsThereWhenFieldsAreAbsent(String database) {
		CallStoreDatabase db = new CallStoreDatabase(database);
		CallStore store = db.store();
		store.recordReport((EndOfCallReportMessage) this.messages.read(
				"{\"type\":\"end-of-call-report\",\"endedReason\":\"silence-timed-out\",\"call\":{\"id\":\"bare\"}}"));
		store.recordStatus(this.messages.status("bare", "ended", ENDED, (message) -> {
			message.remove("endedReason");
			message.remove("customer");
			message.remove("phoneNumber");
			message.set("call", message.objectNode().put("id", "bare"));
		}));
		CallDetails call = db.queries().find("bare");
		assertThat(call.endedReason()).isEqualTo("silence-timed-out");
		assertThat(call.statusTimeline()).containsExactly(new StatusChange("ended", ENDED));
		assertThat(call.startedAt()).isNull();
		assertThat(call.durationSeconds()).isNull();
		assertThat(call.cost()).isNull();
		assertThat(call.costs()).isEmpty();
		assertThat(call.summary()).isNull();
		assertThat(call.recordings()).isNull();
		assertThat(call.transcriptAvailable()).isFalse();
		assertThat(call.reportReceivedAt()).isNotNull();
	}

	@ParameterizedTest
	@MethodSource("databases")
	void aStatusUpdateWithoutAStatusStillFillsTheCallButNotTheTimeline(String database) {
		CallStoreDatabase db = new CallStoreDatabase(database);
		db.store()
			.recordStatus(this.messages.status("call-1", "ended", ENDED, (message) -> message.put("status", " ")));
		CallDetails call = db.queries().find("call-1");
		assertThat(call.statusTimeline()).isEmpty();
		assertThat(call.startedAt()).isEqualTo(STARTED_AT);
		assertThat(call.endedReason()).isEqualTo(STATUS_ENDED_REASON);
	}

	@ParameterizedTest
	@MethodSource("databases")
	void skipsAMessageWithoutACallIdWithAWarningThatHoldsNoValues(String database, CapturedOutput output) {
		CallStoreDatabase db = new CallStoreDatabase(database);
		CallStore store = db.store();
		store.recordReport(this.messages.report("call-1", (message) -> message.remove("call")));
		store.recordStatus(this.messages.status("call-1", "ended", ENDED, (message) -> message.remove("call")));
		assertThat(db.jdbc.sql("SELECT COUNT(*) FROM call_record").query(Integer.class).single()).isZero();
		assertThat(output.getOut()).contains("Skipped a message of type end-of-call-report without a call id")
			.contains("Skipped a message of type status-update without a call id")
			.doesNotContain("+14155550123")
			.doesNotContain("Dana");
	}

	@ParameterizedTest
	@MethodSource("databases")
	void twoWritersOfTheSameCallAtOnceLeaveOneConsistentRow(String database) throws Exception {
		CallStoreDatabase db = new CallStoreDatabase(database);
		CallStore store = db.store();
		ExecutorService writers = Executors.newFixedThreadPool(2);
		try {
			for (int i = 0; i < 20; i++) {
				String callId = "race-" + i;
				EndOfCallReportMessage report = this.messages.report(callId);
				StatusUpdateMessage ended = this.messages.status(callId, "ended", ENDED);
				Runnable other = (i % 2 == 0) ? () -> store.recordReport(report) : () -> store.recordStatus(ended);
				atOnce(writers, () -> store.recordReport(report), other);
				assertThat(db.rows("call_record", callId)).isOne();
				CallDetails call = db.queries().find(callId);
				assertThat(call.endedReason()).isEqualTo(REPORT_ENDED_REASON);
				assertThat(call.cost()).isEqualByComparingTo(new BigDecimal("0.834"));
				assertThat(call.transcriptAvailable()).isTrue();
				assertThat(call.statusTimeline()).hasSize((i % 2 == 0) ? 0 : 1);
			}
		}
		finally {
			writers.shutdownNow();
		}
	}

	@ParameterizedTest
	@MethodSource("databases")
	void twoWritersOfTheSameStatusAtOnceLeaveOneEntry(String database) throws Exception {
		CallStoreDatabase db = new CallStoreDatabase(database);
		CallStore store = db.store();
		ExecutorService writers = Executors.newFixedThreadPool(2);
		try {
			for (int i = 0; i < 20; i++) {
				String callId = "race-" + i;
				StatusUpdateMessage ended = this.messages.status(callId, "ended", ENDED);
				StatusUpdateMessage endedLater = this.messages.status(callId, "ended", ENDED.plusMillis(5));
				atOnce(writers, () -> store.recordStatus(endedLater), () -> store.recordStatus(ended));
				assertThat(db.rows("call_record", callId)).isOne();
				assertThat(db.rows("call_status", callId)).isOne();
				assertThat(db.queries().find(callId).statusTimeline())
					.containsExactly(new StatusChange("ended", ENDED));
			}
		}
		finally {
			writers.shutdownNow();
		}
	}

	// both writes wait for one signal, so that they run at the same time
	private static void atOnce(ExecutorService writers, Runnable first, Runnable second) throws Exception {
		CountDownLatch start = new CountDownLatch(1);
		List<Future<?>> writes = new ArrayList<>();
		for (Runnable write : List.of(first, second)) {
			writes.add(writers.submit(() -> {
				start.await();
				write.run();
				return null;
			}));
		}
		start.countDown();
		for (Future<?> write : writes) {
			write.get();
		}
	}

}

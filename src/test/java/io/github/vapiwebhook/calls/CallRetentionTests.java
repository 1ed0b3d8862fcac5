package io.github.vapiwebhook.calls;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.github.vapiwebhook.testing.TestDatabases;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The purge of personal data past the retention, on every test database, on a clock the
 * tests move.
 */
class CallRetentionTests {

	private static final Duration RETENTION = Duration.ofDays(30);

	private static final Instant ENDED = Instant.parse("2025-11-26T17:47:54Z");

	private final CallMessages messages = new CallMessages();

	static List<String> databases() {
		return TestDatabases.names();
	}

	@ParameterizedTest
	@MethodSource("databases")
	void purgesPersonalDataPastTheRetentionAndKeepsTheNumbers(String database) {
		CallStoreDatabase db = new CallStoreDatabase(database);
		CallStore store = db.store();
		store.recordStatus(this.messages.status("old", "ended", ENDED));
		store.recordReport(this.messages.report("old"));
		CallDetails before = db.queries().find("old");
		db.clock.advance(RETENTION.plusMinutes(1));
		store.recordReport(this.messages.report("young"));
		assertThat(db.retention(RETENTION).purge()).isOne();
		CallDetails after = db.queries().find("old");
		assertThat(after.customerNumber()).isNull();
		assertThat(after.summary()).isNull();
		assertThat(after.structuredData()).isNull();
		assertThat(after.successEvaluation()).isNull();
		assertThat(after.recordings()).isNull();
		assertThat(after.transcriptAvailable()).isFalse();
		assertThat(db.column("transcript", "old")).isNull();
		assertThat(db.column("report", "old")).isNull();
		assertThat(after.purgedAt()).isEqualTo(db.clock.instant());
		assertThat(after).usingRecursiveComparison()
			.comparingOnlyFields("id", "assistantId", "phoneNumberId", "status", "statusTimeline", "startedAt",
					"endedAt", "durationSeconds", "endedReason", "cost", "costBreakdown", "costs", "reportReceivedAt",
					"createdAt")
			.isEqualTo(before);
		assertThat(db.queries().find("young").transcriptAvailable()).isTrue();
		assertThat(db.queries().find("young").purgedAt()).isNull();
	}

	@ParameterizedTest
	@MethodSource("databases")
	void purgesNothingWithinTheRetention(String database) {
		CallStoreDatabase db = new CallStoreDatabase(database);
		db.store().recordReport(this.messages.report("call-1"));
		db.clock.advance(RETENTION.minusMinutes(1));
		assertThat(db.retention(RETENTION).purge()).isZero();
		assertThat(db.queries().find("call-1").transcriptAvailable()).isTrue();
	}

	@ParameterizedTest
	@MethodSource("databases")
	void purgingAgainChangesNothing(String database) {
		CallStoreDatabase db = new CallStoreDatabase(database);
		db.store().recordReport(this.messages.report("call-1"));
		db.clock.advance(RETENTION.plusDays(1));
		CallRetention retention = db.retention(RETENTION);
		retention.purge();
		Instant purgedAt = db.queries().find("call-1").purgedAt();
		db.clock.advance(Duration.ofHours(1));
		assertThat(retention.purge()).isZero();
		assertThat(db.queries().find("call-1").purgedAt()).isEqualTo(purgedAt);
	}

	@ParameterizedTest
	@MethodSource("databases")
	void messagesArrivingAfterThePurgeDoNotBringPersonalDataBack(String database) {
		CallStoreDatabase db = new CallStoreDatabase(database);
		CallStore store = db.store();
		store.recordStatus(this.messages.status("call-1", "in-progress", ENDED.minusSeconds(60),
				(message) -> message.remove("customer")));
		db.clock.advance(RETENTION.plusDays(1));
		db.retention(RETENTION).purge();
		store.recordReport(this.messages.report("call-1"));
		store.recordStatus(this.messages.status("call-1", "ended", ENDED));
		CallDetails call = db.queries().find("call-1");
		assertThat(call.customerNumber()).isNull();
		assertThat(call.summary()).isNull();
		assertThat(call.transcriptAvailable()).isFalse();
		assertThat(db.column("report", "call-1")).isNull();
		assertThat(call.cost()).isEqualByComparingTo("0.834");
		assertThat(call.statusTimeline()).extracting(StatusChange::status).containsExactly("in-progress", "ended");
	}

	@ParameterizedTest
	@MethodSource("databases")
	void theTranscriptOfAPurgedCallIsGoneAndSaysWhy(String database) {
		CallStoreDatabase db = new CallStoreDatabase(database);
		db.store().recordReport(this.messages.report("call-1"));
		db.clock.advance(RETENTION.plusDays(1));
		db.retention(RETENTION).purge();
		assertThatExceptionOfType(CallNotFoundException.class).isThrownBy(() -> db.queries().transcript("call-1"))
			.withMessageContaining("purged");
	}

}

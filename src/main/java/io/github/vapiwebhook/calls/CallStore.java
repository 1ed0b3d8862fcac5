package io.github.vapiwebhook.calls;

import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

import io.github.vapiwebhook.message.EndOfCallReportMessage;
import io.github.vapiwebhook.message.ServerMessage;
import io.github.vapiwebhook.message.StatusUpdateMessage;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Writes the call store: one row per call, whatever the order in which its messages
 * arrive and however often each arrives (delivery is at least once). Every write is an
 * upsert in one transaction: the row is inserted if absent ({@code ON CONFLICT DO
 * NOTHING}, which waits for a concurrent insert of the same call to commit), then its
 * columns are merged. A status update only fills what is still empty; a report, the
 * complete account of the call, overwrites with what it has. Absent fields never erase
 * stored ones, and the personal data of a purged call is never written again.
 */
class CallStore {

	private static final Logger logger = LoggerFactory.getLogger(CallStore.class);

	private static final String INSERT_IF_ABSENT = """
			INSERT INTO call_record (call_id, created_at, updated_at) VALUES (:callId, :now, :now)
			ON CONFLICT DO NOTHING""";

	private static final String FILL_FROM_STATUS = """
			UPDATE call_record SET assistant_id = COALESCE(assistant_id, :assistantId),
			phone_number_id = COALESCE(phone_number_id, :phoneNumberId),
			customer_number = CASE WHEN purged_at IS NULL THEN COALESCE(customer_number, :customerNumber) END,
			started_at = COALESCE(started_at, :startedAt), ended_at = COALESCE(ended_at, :endedAt),
			ended_reason = COALESCE(ended_reason, :endedReason), updated_at = :now
			WHERE call_id = :callId""";

	private static final String MERGE_REPORT = """
			UPDATE call_record SET assistant_id = COALESCE(:assistantId, assistant_id),
			phone_number_id = COALESCE(:phoneNumberId, phone_number_id),
			started_at = COALESCE(:startedAt, started_at), ended_at = COALESCE(:endedAt, ended_at),
			ended_reason = COALESCE(:endedReason, ended_reason), cost = COALESCE(:cost, cost),
			cost_breakdown = COALESCE(:costBreakdown, cost_breakdown), costs = COALESCE(:costs, costs),
			customer_number = CASE WHEN purged_at IS NULL THEN COALESCE(:customerNumber, customer_number) END,
			summary = CASE WHEN purged_at IS NULL THEN COALESCE(:summary, summary) END,
			structured_data = CASE WHEN purged_at IS NULL THEN COALESCE(:structuredData, structured_data) END,
			success_evaluation = CASE WHEN purged_at IS NULL THEN COALESCE(:successEvaluation, success_evaluation) END,
			transcript = CASE WHEN purged_at IS NULL THEN COALESCE(:transcript, transcript) END,
			recording_urls = CASE WHEN purged_at IS NULL THEN COALESCE(:recordingUrls, recording_urls) END,
			report = CASE WHEN purged_at IS NULL THEN :report END,
			report_received_at = COALESCE(report_received_at, :now), updated_at = :now
			WHERE call_id = :callId""";

	// in a statement of its own: SET expressions read the values from before the update
	private static final String DURATION = """
			UPDATE call_record SET duration_ms = CAST(ROUND(EXTRACT(EPOCH FROM (ended_at - started_at)) * 1000) AS BIGINT)
			WHERE call_id = :callId AND started_at IS NOT NULL AND ended_at IS NOT NULL""";

	private static final String INSERT_STATUS = """
			INSERT INTO call_status (call_id, status, occurred_at) VALUES (:callId, :status, :at)
			ON CONFLICT DO NOTHING""";

	private static final String EARLIEST_STATUS = """
			UPDATE call_status SET occurred_at = :at WHERE call_id = :callId AND status = :status AND occurred_at > :at""";

	private final JdbcClient jdbc;

	private final TransactionOperations transactions;

	private final JsonMapper mapper;

	private final Clock clock;

	CallStore(JdbcClient jdbc, TransactionOperations transactions, JsonMapper mapper, Clock clock) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.mapper = mapper;
		this.clock = clock;
	}

	/**
	 * Adds a status to the call's timeline (at the earliest time it was reported) and
	 * fills the call's columns that are still empty.
	 * @param message the status update
	 */
	void recordStatus(StatusUpdateMessage message) {
		if (!hasCallId(message)) {
			return;
		}
		CallUpdate update = CallUpdate.of(message);
		Instant now = now();
		Instant at = (message.timestamp() != null) ? micros(message.timestamp()) : now;
		// a status update read leniently may lack its status: the call's fields still
		// count
		boolean hasStatus = message.status() != null && !message.status().isBlank();
		this.transactions.executeWithoutResult((transaction) -> {
			write(FILL_FROM_STATUS, update, now);
			if (hasStatus) {
				MapSqlParameterSource status = new MapSqlParameterSource("callId", update.callId())
					.addValue("status", message.status(), Types.VARCHAR)
					.addValue("at", timestamp(at), Types.TIMESTAMP_WITH_TIMEZONE);
				this.jdbc.sql(INSERT_STATUS).paramSource(status).update();
				this.jdbc.sql(EARLIEST_STATUS).paramSource(status).update();
			}
		});
		logger.debug("Stored status {} of call {}", message.status(), update.callId());
	}

	/**
	 * Stores what an end-of-call report has, over what the call's row holds.
	 * @param report the report
	 */
	void recordReport(EndOfCallReportMessage report) {
		if (!hasCallId(report)) {
			return;
		}
		CallUpdate update = CallUpdate.of(report, this.mapper);
		Instant now = now();
		this.transactions.executeWithoutResult((transaction) -> write(MERGE_REPORT, update, now));
		logger.debug("Stored the end-of-call report of call {}", update.callId());
	}

	private void write(String merge, CallUpdate update, Instant now) {
		MapSqlParameterSource params = parameters(update).addValue("now", timestamp(now),
				Types.TIMESTAMP_WITH_TIMEZONE);
		this.jdbc.sql(INSERT_IF_ABSENT).paramSource(params).update();
		this.jdbc.sql(merge).paramSource(params).update();
		this.jdbc.sql(DURATION).paramSource(params).update();
	}

	private static MapSqlParameterSource parameters(CallUpdate update) {
		return new MapSqlParameterSource().addValue("callId", update.callId(), Types.VARCHAR)
			.addValue("assistantId", update.assistantId(), Types.VARCHAR)
			.addValue("phoneNumberId", update.phoneNumberId(), Types.VARCHAR)
			.addValue("customerNumber", update.customerNumber(), Types.VARCHAR)
			.addValue("startedAt", timestamp(update.startedAt()), Types.TIMESTAMP_WITH_TIMEZONE)
			.addValue("endedAt", timestamp(update.endedAt()), Types.TIMESTAMP_WITH_TIMEZONE)
			.addValue("endedReason", update.endedReason(), Types.VARCHAR)
			.addValue("cost", update.cost(), Types.NUMERIC)
			.addValue("costBreakdown", update.costBreakdown(), Types.VARCHAR)
			.addValue("costs", update.costs(), Types.VARCHAR)
			.addValue("summary", update.summary(), Types.VARCHAR)
			.addValue("structuredData", update.structuredData(), Types.VARCHAR)
			.addValue("successEvaluation", update.successEvaluation(), Types.VARCHAR)
			.addValue("transcript", update.transcript(), Types.VARCHAR)
			.addValue("recordingUrls", update.recordingUrls(), Types.VARCHAR)
			.addValue("report", update.report(), Types.VARCHAR);
	}

	private boolean hasCallId(ServerMessage message) {
		if (message.callId() != null) {
			return true;
		}
		logger.warn("Skipped a message of type {} without a call id: the call store keeps calls by id", message.type());
		return false;
	}

	private Instant now() {
		return micros(this.clock.instant());
	}

	// both databases keep microseconds: what is written is what is read back
	private static Instant micros(Instant instant) {
		return instant.truncatedTo(ChronoUnit.MICROS);
	}

	private static @Nullable OffsetDateTime timestamp(@Nullable Instant instant) {
		return (instant != null) ? micros(instant).atOffset(ZoneOffset.UTC) : null;
	}

}

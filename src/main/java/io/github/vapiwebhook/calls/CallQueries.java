package io.github.vapiwebhook.calls;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import io.github.vapiwebhook.message.CostBreakdown;
import io.github.vapiwebhook.message.CostItem;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Reads the call store for the API: pages of calls (filtered, newest first, by a keyset
 * cursor on when each call was first stored and its id), one call with its timeline, a
 * transcript.
 */
class CallQueries {

	private static final String LATEST_STATUS = "(SELECT s.status FROM call_status s WHERE s.call_id = c.call_id"
			+ " ORDER BY s.occurred_at DESC, s.status DESC LIMIT 1) AS status";

	private static final String DETAIL_COLUMNS = "call_id, assistant_id, phone_number_id, customer_number,"
			+ " started_at, ended_at, duration_ms, ended_reason, cost, cost_breakdown, costs, summary, structured_data,"
			+ " success_evaluation, recording_urls, report_received_at, created_at, updated_at, purged_at,"
			+ " CASE WHEN transcript IS NULL THEN 0 ELSE 1 END AS has_transcript";

	private static final String SUMMARY_COLUMNS = "c.call_id, c.assistant_id, c.phone_number_id, c.started_at,"
			+ " c.ended_at, c.duration_ms, c.ended_reason, c.cost, c.created_at, " + LATEST_STATUS;

	private final JdbcClient jdbc;

	private final JsonMapper mapper;

	CallQueries(JdbcClient jdbc, JsonMapper mapper) {
		this.jdbc = jdbc;
		this.mapper = mapper;
	}

	/**
	 * A page of calls.
	 * @param query the filters, page size and cursor
	 * @return the page, with the cursor of the next one if there is one
	 */
	CallPage list(CallQuery query) {
		StringBuilder sql = new StringBuilder("SELECT " + SUMMARY_COLUMNS + " FROM call_record c WHERE 1 = 1");
		MapSqlParameterSource params = new MapSqlParameterSource();
		if (query.from() != null) {
			sql.append(" AND c.started_at >= :from");
			params.addValue("from", timestamp(query.from()), Types.TIMESTAMP_WITH_TIMEZONE);
		}
		if (query.to() != null) {
			sql.append(" AND c.started_at < :to");
			params.addValue("to", timestamp(query.to()), Types.TIMESTAMP_WITH_TIMEZONE);
		}
		if (query.endedReason() != null) {
			sql.append(" AND c.ended_reason = :endedReason");
			params.addValue("endedReason", query.endedReason(), Types.VARCHAR);
		}
		if (query.assistantId() != null) {
			sql.append(" AND c.assistant_id = :assistantId");
			params.addValue("assistantId", query.assistantId(), Types.VARCHAR);
		}
		CallCursor after = query.after();
		if (after != null) {
			sql.append(" AND (c.created_at < :afterAt OR (c.created_at = :afterAt AND c.call_id < :afterId))");
			params.addValue("afterAt", timestamp(after.createdAt()), Types.TIMESTAMP_WITH_TIMEZONE);
			params.addValue("afterId", after.callId(), Types.VARCHAR);
		}
		// one more than asked, to know whether there is a next page
		sql.append(" ORDER BY c.created_at DESC, c.call_id DESC LIMIT :limit");
		params.addValue("limit", query.limit() + 1, Types.INTEGER);
		List<CallSummary> calls = new ArrayList<>(
				this.jdbc.sql(sql.toString()).paramSource(params).query((rs, row) -> summary(rs)).list());
		if (calls.size() <= query.limit()) {
			return new CallPage(calls, null);
		}
		calls.remove(calls.size() - 1);
		CallSummary last = calls.get(calls.size() - 1);
		return new CallPage(calls, new CallCursor(last.createdAt(), last.id()).encode());
	}

	/**
	 * One call with its status timeline.
	 * @param callId the call id
	 * @return the call
	 * @throws CallNotFoundException when no call has this id
	 */
	CallDetails find(String callId) {
		List<StatusChange> timeline = this.jdbc
			.sql("SELECT status, occurred_at FROM call_status WHERE call_id = :callId ORDER BY occurred_at, status")
			.param("callId", callId, Types.VARCHAR)
			.query((rs, row) -> new StatusChange(rs.getString("status"), instant(rs, "occurred_at")))
			.list();
		return this.jdbc.sql("SELECT " + DETAIL_COLUMNS + " FROM call_record WHERE call_id = :callId")
			.param("callId", callId, Types.VARCHAR)
			.query((rs, row) -> details(rs, timeline))
			.optional()
			.orElseThrow(CallQueries::unknown);
	}

	/**
	 * The transcript of a call.
	 * @param callId the call id
	 * @return the transcript
	 * @throws CallNotFoundException when no call has this id, or the call has no
	 * transcript (its report has not arrived, had none, or was purged), saying which
	 */
	CallTranscript transcript(String callId) {
		return this.jdbc
			.sql("SELECT transcript, report_received_at, purged_at FROM call_record WHERE call_id = :callId")
			.param("callId", callId, Types.VARCHAR)
			.query((rs, row) -> {
				String transcript = rs.getString("transcript");
				if (transcript != null) {
					return new CallTranscript(callId, transcript);
				}
				if (rs.getObject("purged_at") != null) {
					throw new CallNotFoundException("The transcript of this call was purged: personal data is kept "
							+ "for the retention period (vapi.calls.retention) only");
				}
				throw new CallNotFoundException((rs.getObject("report_received_at") != null)
						? "The end-of-call report of this call had no transcript"
						: "No transcript is stored for this call yet: its end-of-call report has not arrived");
			})
			.optional()
			.orElseThrow(CallQueries::unknown);
	}

	private static CallNotFoundException unknown() {
		return new CallNotFoundException("No call with this id is stored");
	}

	private CallSummary summary(ResultSet rs) throws SQLException {
		return new CallSummary(rs.getString("call_id"), rs.getString("assistant_id"), rs.getString("phone_number_id"),
				rs.getString("status"), instant(rs, "started_at"), instant(rs, "ended_at"), seconds(rs),
				rs.getString("ended_reason"), cost(rs), instant(rs, "created_at"));
	}

	private CallDetails details(ResultSet rs, List<StatusChange> timeline) throws SQLException {
		String costs = rs.getString("costs");
		String structuredData = rs.getString("structured_data");
		String recordings = rs.getString("recording_urls");
		return new CallDetails(rs.getString("call_id"), rs.getString("assistant_id"), rs.getString("phone_number_id"),
				rs.getString("customer_number"), timeline.isEmpty() ? null : latest(timeline), timeline,
				instant(rs, "started_at"), instant(rs, "ended_at"), seconds(rs), rs.getString("ended_reason"), cost(rs),
				read(rs.getString("cost_breakdown"), CostBreakdown.class),
				(costs != null) ? List.of(this.mapper.readValue(costs, CostItem[].class)) : List.of(),
				rs.getString("summary"), (structuredData != null) ? this.mapper.readTree(structuredData) : null,
				rs.getString("success_evaluation"), read(recordings, RecordingUrls.class),
				rs.getInt("has_transcript") == 1, instant(rs, "report_received_at"), instant(rs, "created_at"),
				instant(rs, "updated_at"), instant(rs, "purged_at"));
	}

	private static String latest(List<StatusChange> timeline) {
		return timeline.get(timeline.size() - 1).status();
	}

	private <T> @Nullable T read(@Nullable String json, Class<T> type) {
		return (json != null) ? this.mapper.readValue(json, type) : null;
	}

	// as Vapi sent it, not padded to the column's scale
	private static @Nullable BigDecimal cost(ResultSet rs) throws SQLException {
		BigDecimal cost = rs.getBigDecimal("cost");
		return (cost != null) ? cost.stripTrailingZeros() : null;
	}

	private static @Nullable Double seconds(ResultSet rs) throws SQLException {
		long millis = rs.getLong("duration_ms");
		return rs.wasNull() ? null : millis / 1000.0;
	}

	private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return (value != null) ? value.toInstant() : null;
	}

	private static OffsetDateTime timestamp(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

}

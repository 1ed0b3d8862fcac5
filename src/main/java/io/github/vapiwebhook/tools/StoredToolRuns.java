package io.github.vapiwebhook.tools;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import io.github.vapiwebhook.reply.ToolCallResult;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The runs of tool calls in the database (table {@code tool_call_run}), shared by every
 * instance: one row per call id and tool call id, inserted by the instance that runs the
 * tool, with the fingerprint of the call, the claim that names the run, and the result as
 * JSON once done.
 */
class StoredToolRuns {

	private static final String KEY = " WHERE call_id = ? AND tool_call_id = ?";

	private final JdbcTemplate jdbc;

	// A mapper of its own, not the application's: instances with other serialisation
	// settings (another version of the application) must read each other's results.
	private final JsonMapper mapper = JsonMapper.builder().build();

	StoredToolRuns(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Inserts a running run, unless the key is there already.
	 * @param key the key
	 * @param fingerprint the fingerprint of the call
	 * @param claim names this run
	 * @param now the time
	 * @return {@code true} when inserted: the caller runs the tool
	 */
	boolean insert(ToolResultStore.Key key, String fingerprint, String claim, Instant now) {
		// ON CONFLICT DO NOTHING (PostgreSQL, and H2 in its PostgreSQL mode): the first
		// instance wins, the others neither fail nor wait
		return this.jdbc.update(
				"INSERT INTO tool_call_run (call_id, tool_call_id, fingerprint, state, claim, "
						+ "started_at) VALUES (?, ?, ?, 'running', ?, ?) ON CONFLICT DO NOTHING",
				key.callId(), key.toolCallId(), fingerprint, claim, time(now)) == 1;
	}

	/**
	 * Reads the run of a key.
	 * @param key the key
	 * @return the run, or {@code null} when there is none
	 */
	@Nullable Row find(ToolResultStore.Key key) {
		List<Row> rows = this.jdbc.query(
				"SELECT fingerprint, state, claim, result, started_at FROM tool_call_run" + KEY, this::row,
				key.callId(), key.toolCallId());
		return rows.isEmpty() ? null : rows.get(0);
	}

	/**
	 * Starts a new run in place of one that expired or was left unfinished, unless
	 * another instance did so first.
	 * @param key the key
	 * @param fingerprint the fingerprint of the call
	 * @param claim names the new run
	 * @param now the time
	 * @param previous the claim of the run replaced, as read
	 * @return {@code true} when this run replaced it: the caller runs the tool
	 */
	boolean takeOver(ToolResultStore.Key key, String fingerprint, String claim, Instant now, String previous) {
		return this.jdbc.update(
				"UPDATE tool_call_run SET fingerprint = ?, state = 'running', claim = ?, result = NULL, "
						+ "started_at = ?, finished_at = NULL" + KEY + " AND claim = ?",
				fingerprint, claim, time(now), key.callId(), key.toolCallId(), previous) == 1;
	}

	/**
	 * Stores the result of a run, unless it was taken over meanwhile.
	 * @param key the key
	 * @param claim the run's claim
	 * @param result the result
	 * @param now the time
	 * @return {@code true} when stored
	 */
	boolean finish(ToolResultStore.Key key, String claim, ToolCallResult result, Instant now) {
		return this.jdbc.update(
				"UPDATE tool_call_run SET state = 'done', result = ?, finished_at = ?" + KEY + " AND claim = ?",
				this.mapper.writeValueAsString(result), time(now), key.callId(), key.toolCallId(), claim) == 1;
	}

	/**
	 * Deletes a run that ended without a result, so that a repeat runs the tool again.
	 * @param key the key
	 * @param claim the run's claim
	 */
	void release(ToolResultStore.Key key, String claim) {
		this.jdbc.update("DELETE FROM tool_call_run" + KEY + " AND claim = ?", key.callId(), key.toolCallId(), claim);
	}

	/**
	 * Deletes the runs started before a time.
	 * @param before the time
	 * @return how many were deleted
	 */
	int deleteStartedBefore(Instant before) {
		return this.jdbc.update("DELETE FROM tool_call_run WHERE started_at < ?", time(before));
	}

	private Row row(ResultSet rs, int index) throws SQLException {
		String result = rs.getString("result");
		boolean done = "done".equals(rs.getString("state"));
		return new Row(rs.getString("fingerprint"), rs.getString("claim"),
				rs.getObject("started_at", OffsetDateTime.class).toInstant(),
				(done && result != null) ? this.mapper.readValue(result, ToolCallResult.class) : null);
	}

	private static OffsetDateTime time(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

	/**
	 * A stored run.
	 *
	 * @param fingerprint the fingerprint of the call that started it
	 * @param claim names the run
	 * @param startedAt when it started
	 * @param result its result, {@code null} while running
	 */
	record Row(String fingerprint, String claim, Instant startedAt, @Nullable ToolCallResult result) {

		boolean expired(Instant now, Duration ttl) {
			return !this.startedAt.plus(ttl).isAfter(now);
		}

		boolean abandoned(Instant now, Duration takeOverAfter) {
			return this.result == null && !this.startedAt.plus(takeOverAfter).isAfter(now);
		}

	}

}

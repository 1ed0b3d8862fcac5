package io.github.vapiwebhook.delivery;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.FailedEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;

/**
 * The failed deliveries: listed from Spring Modulith's publication table with their last
 * error, resubmitted through Spring Modulith ({@link FailedEventPublications}), which
 * claims each one with a conditional update so that of several instances only one tries
 * it.
 */
public class FailedDeliveries {

	// the server's schema (Spring Modulith's version 2) gives every row a status
	private static final String FAILED = "status = 'FAILED'";

	private final JdbcTemplate jdbc;

	private final FailedEventPublications publications;

	private final DeliveryProperties.Retry retry;

	// reads the type and call id out of a stored message; never writes
	private final JsonMapper mapper = JsonMapper.builder().build();

	FailedDeliveries(JdbcTemplate jdbc, FailedEventPublications publications, DeliveryProperties.Retry retry) {
		this.jdbc = jdbc;
		this.publications = publications;
		this.retry = retry;
	}

	/**
	 * The failed deliveries, the oldest first.
	 * @param limit how many at most
	 * @return them
	 */
	public List<FailedDelivery> list(int limit) {
		return this.jdbc.query("SELECT p.id, p.listener_id, p.serialized_event, p.publication_date, "
				+ "p.completion_attempts, p.last_resubmission_date, f.error, f.failed_at FROM event_publication p "
				+ "LEFT JOIN delivery_failure f ON f.publication_id = p.id WHERE p.status = 'FAILED' ORDER BY p.publication_date, p.id LIMIT ?",
				(rs, row) -> delivery(rs), limit);
	}

	/**
	 * How many deliveries have failed.
	 * @return the count
	 */
	public int count() {
		Integer count = this.jdbc.queryForObject("SELECT COUNT(*) FROM event_publication WHERE " + FAILED,
				Integer.class);
		return (count != null) ? count : 0;
	}

	/**
	 * Resubmits one failed delivery now, whether its tries are used up or not.
	 * @param id the id of its publication
	 * @return {@code false} when no failed delivery has this id (unknown, completed, or
	 * being tried)
	 */
	public boolean retry(UUID id) {
		Boolean failed = this.jdbc.query("SELECT 1 FROM event_publication WHERE id = ? AND " + FAILED, ResultSet::next,
				id);
		if (failed == null || !failed) {
			return false;
		}
		return resubmit(Set.of(id)) == 1;
	}

	/**
	 * The failed deliveries that have tries left and whose backoff has passed, read
	 * without their messages.
	 * @param now the time
	 * @return their ids
	 */
	Set<UUID> due(Instant now) {
		Set<UUID> due = new HashSet<>();
		this.jdbc
			.query("SELECT id, completion_attempts, last_resubmission_date, publication_date FROM event_publication "
					+ "WHERE " + FAILED + " AND COALESCE(completion_attempts, 1) < ?", (ResultSet rs) -> {
						int tries = Math.max(1, rs.getInt(2));
						Timestamp resubmitted = rs.getTimestamp(3);
						Instant last = (resubmitted != null) ? resubmitted.toInstant() : rs.getTimestamp(4).toInstant();
						if (!last.plus(this.retry.backoffAfter(tries)).isAfter(now)) {
							due.add(rs.getObject(1, UUID.class));
						}
					}, this.retry.maxAttempts());
		return due;
	}

	/**
	 * Resubmits failed deliveries by id.
	 * @param ids their ids
	 * @return how many of them Spring Modulith resubmitted
	 */
	int resubmit(Set<UUID> ids) {
		if (ids.isEmpty()) {
			return 0;
		}
		// Spring Modulith reads a batch of failed publications in no set order, then
		// filters: the batch takes them all, so that old dead letters never hide a due
		// one
		int batch = count();
		if (batch == 0) {
			return 0;
		}
		int[] resubmitted = new int[1];
		this.publications.resubmit(ResubmissionOptions.defaults().withBatchSize(batch).withFilter((publication) -> {
			boolean wanted = ids.contains(publication.getIdentifier());
			if (wanted) {
				resubmitted[0]++;
			}
			return wanted;
		}));
		return resubmitted[0];
	}

	private FailedDelivery delivery(ResultSet rs) throws SQLException {
		UUID id = rs.getObject(1, UUID.class);
		Instant published = rs.getTimestamp(4).toInstant();
		int attempts = Math.max(1, rs.getInt(5));
		Timestamp resubmitted = rs.getTimestamp(6);
		Instant lastAttempt = (resubmitted != null) ? resubmitted.toInstant() : published;
		Instant nextRetry = (attempts < this.retry.maxAttempts()) ? lastAttempt.plus(this.retry.backoffAfter(attempts))
				: null;
		Timestamp failedAt = rs.getTimestamp(8);
		JsonNode message = readQuietly(rs.getString(3));
		return new FailedDelivery(id, rs.getString(2), text(message, "type"), callId(message), published, attempts,
				lastAttempt, nextRetry, rs.getString(7), (failedAt != null) ? failedAt.toInstant() : null);
	}

	private @Nullable JsonNode readQuietly(@Nullable String json) {
		if (json == null) {
			return null;
		}
		try {
			return this.mapper.readTree(json);
		}
		catch (JacksonException ex) {
			return null;
		}
	}

	private static @Nullable String callId(@Nullable JsonNode message) {
		if (message == null) {
			return null;
		}
		JsonNode call = message.path("call");
		return (call.isObject()) ? text(call, "id") : null;
	}

	private static @Nullable String text(@Nullable JsonNode node, String field) {
		if (node == null) {
			return null;
		}
		JsonNode value = node.path(field);
		return value.isString() ? value.stringValue() : null;
	}

}

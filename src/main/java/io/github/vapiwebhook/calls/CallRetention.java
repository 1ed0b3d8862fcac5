package io.github.vapiwebhook.calls;

import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Purges the personal data of calls first stored longer ago than the retention period:
 * the transcript, the raw report, the customer number, the summary, the structured data,
 * the success evaluation and the recording URLs. The row keeps its ids, times, duration,
 * costs, ended reason and status timeline, and is marked purged.
 */
class CallRetention {

	private static final Logger logger = LoggerFactory.getLogger(CallRetention.class);

	private static final String PURGE = """
			UPDATE call_record SET customer_number = NULL, summary = NULL, structured_data = NULL,
			success_evaluation = NULL, transcript = NULL, recording_urls = NULL, report = NULL, purged_at = :now
			WHERE purged_at IS NULL AND created_at < :cutoff""";

	private final JdbcClient jdbc;

	private final Clock clock;

	private final Duration retention;

	CallRetention(JdbcClient jdbc, Clock clock, Duration retention) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.retention = retention;
	}

	/**
	 * Purges what is past the retention period.
	 * @return the number of calls purged
	 */
	int purge() {
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MICROS);
		MapSqlParameterSource params = new MapSqlParameterSource()
			.addValue("now", now.atOffset(ZoneOffset.UTC), Types.TIMESTAMP_WITH_TIMEZONE)
			.addValue("cutoff", now.minus(this.retention).atOffset(ZoneOffset.UTC), Types.TIMESTAMP_WITH_TIMEZONE);
		int purged = this.jdbc.sql(PURGE).paramSource(params).update();
		if (purged > 0) {
			logger.info("Purged the personal data of {} calls stored more than {} ago", purged, this.retention);
		}
		return purged;
	}

}

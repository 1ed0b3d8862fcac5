package io.github.vapiwebhook.delivery;

import java.sql.Timestamp;
import java.time.Instant;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The keys of the messages received, in the database, shared by every instance: the first
 * to record a key wins, in the same transaction that keeps the message.
 */
class ReceivedMessages {

	private final JdbcTemplate jdbc;

	ReceivedMessages(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Records a key, unless it is there already.
	 * @param key the key
	 * @param now the time of receipt
	 * @return {@code true} the first time the key is recorded
	 */
	boolean firstTime(String key, Instant now) {
		// ON CONFLICT DO NOTHING (PostgreSQL, and H2 in its PostgreSQL mode): a repeat
		// neither fails the transaction nor waits for another instance's
		return this.jdbc.update(
				"INSERT INTO received_message (message_key, received_at) VALUES (?, ?) " + "ON CONFLICT DO NOTHING",
				key, Timestamp.from(now)) == 1;
	}

	/**
	 * Forgets the keys received before a time.
	 * @param before the time
	 * @return how many were forgotten
	 */
	int forgetBefore(Instant before) {
		return this.jdbc.update("DELETE FROM received_message WHERE received_at < ?", Timestamp.from(before));
	}

}

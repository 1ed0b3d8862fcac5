package io.github.vapiwebhook.delivery;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The last error of each failed delivery, in the database next to the publication it
 * belongs to ({@code delivery_failure}), so that the API can say why a delivery failed on
 * whichever instance it failed.
 */
class DeliveryFailures {

	/** The longest error kept: the exception's class and the start of its message. */
	static final int LONGEST_ERROR = 1000;

	private final JdbcTemplate jdbc;

	DeliveryFailures(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Records the last error of a publication, in place of the one before.
	 * @param publication the publication's id
	 * @param error what went wrong
	 * @param at when
	 */
	void record(UUID publication, Throwable error, Instant at) {
		String text = describe(error);
		int updated = this.jdbc.update("UPDATE delivery_failure SET failed_at = ?, error = ? WHERE publication_id = ?",
				Timestamp.from(at), text, publication);
		if (updated == 0) {
			this.jdbc.update("INSERT INTO delivery_failure (publication_id, failed_at, error) VALUES (?, ?, ?) "
					+ "ON CONFLICT DO NOTHING", publication, Timestamp.from(at), text);
		}
	}

	/**
	 * Forgets the errors of the publications that are gone (completed and deleted).
	 * @return how many were forgotten
	 */
	int forgetCompleted() {
		return this.jdbc.update("DELETE FROM delivery_failure f WHERE NOT EXISTS "
				+ "(SELECT 1 FROM event_publication p WHERE p.id = f.publication_id AND p.completion_date IS NULL)");
	}

	static String describe(Throwable error) {
		String message = error.getMessage();
		String text = (message != null) ? error.getClass().getName() + ": " + message : error.getClass().getName();
		StringBuilder oneLine = new StringBuilder(Math.min(text.length(), LONGEST_ERROR));
		for (int i = 0; i < text.length() && oneLine.length() < LONGEST_ERROR; i++) {
			char c = text.charAt(i);
			oneLine.append(Character.isISOControl(c) ? ' ' : c);
		}
		return oneLine.toString();
	}

}

package io.github.vapiwebhook.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The message ids seen inside the replay window, in the database (table
 * {@code seen_message_id}), shared by every instance: the first to insert an id wins. An
 * id whose expiry has passed counts as absent until it is deleted.
 */
class JdbcMessageIdCache implements MessageIdCache {

	private static final int LONGEST_PLAIN_ID = 200;

	private static final int ATTEMPTS = 3;

	private final JdbcTemplate jdbc;

	private final Clock clock;

	JdbcMessageIdCache(JdbcTemplate jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	public Sighting see(String messageId, String signature, Instant now, Instant expiry) {
		String id = bounded(messageId);
		for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
			// ON CONFLICT DO NOTHING (PostgreSQL, and H2 in its PostgreSQL mode): a known
			// id
			// neither fails nor waits for another instance
			if (this.jdbc.update("INSERT INTO seen_message_id (message_id, signature, expires_at) VALUES (?, ?, ?) "
					+ "ON CONFLICT DO NOTHING", id, signature, time(expiry)) == 1) {
				return Sighting.NEW;
			}
			if (this.jdbc.update(
					"UPDATE seen_message_id SET signature = ?, expires_at = ? "
							+ "WHERE message_id = ? AND expires_at <= ?",
					signature, time(expiry), id, time(now)) == 1) {
				return Sighting.NEW;
			}
			List<String> known = this.jdbc.queryForList("SELECT signature FROM seen_message_id WHERE message_id = ?",
					String.class, id);
			if (!known.isEmpty()) {
				return known.get(0).equals(signature) ? Sighting.SAME_REQUEST : Sighting.OTHER_REQUEST;
			}
			// forgotten or deleted in between: look again
		}
		// the id keeps coming and going under other requests: refuse this one
		return Sighting.OTHER_REQUEST;
	}

	@Override
	public void forget(String messageId, String signature) {
		this.jdbc.update("DELETE FROM seen_message_id WHERE message_id = ? AND signature = ?", bounded(messageId),
				signature);
	}

	/**
	 * Deletes the ids whose expiry has passed.
	 * @return how many were deleted
	 */
	int deleteExpired() {
		return this.jdbc.update("DELETE FROM seen_message_id WHERE expires_at <= ?", time(this.clock.instant()));
	}

	private static OffsetDateTime time(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

	// ids are short; a long one is stored as its hash
	private static String bounded(String id) {
		if (id.length() <= LONGEST_PLAIN_ID) {
			return id;
		}
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8));
			return "sha256:" + HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java platform has SHA-256", ex);
		}
	}

}

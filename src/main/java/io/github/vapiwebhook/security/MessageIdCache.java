package io.github.vapiwebhook.security;

import java.time.Instant;

/**
 * The message ids (the HMAC plan's {@code messageIdHeader}) seen inside the replay
 * window, each with the signature of the request that carried it, so that an id that
 * comes back under another signature is refused. The built-in cache is in the database
 * where the server's tables are (shared by every instance on it), in memory otherwise;
 * declare a bean of this type to keep the ids elsewhere.
 */
public interface MessageIdCache {

	/**
	 * Records a message id, unless it is known inside its window.
	 * @param messageId the message id
	 * @param signature the signature of the request that carries it
	 * @param now the current time
	 * @param expiry when the id may be forgotten
	 * @return whether the id is new, came with this same signature before (an exact
	 * repeat), or with another
	 * @throws org.springframework.dao.DataAccessException when the ids cannot be read;
	 * the request is then answered 503, to be retried
	 */
	Sighting see(String messageId, String signature, Instant now, Instant expiry);

	/**
	 * Forgets a message id recorded with a signature, so that it may come again (its
	 * request was not answered 2xx).
	 * @param messageId the message id
	 * @param signature the signature it was recorded with
	 */
	void forget(String messageId, String signature);

	/**
	 * What the cache knew of a message id.
	 */
	enum Sighting {

		/** The id was not known: it is now, with this signature. */
		NEW,

		/** The id is known with this same signature: an exact repeat. */
		SAME_REQUEST,

		/** The id is known with another signature: a duplicate, to be refused. */
		OTHER_REQUEST

	}

}

package io.github.vapiwebhook.calls;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Base64;

import org.jspecify.annotations.Nullable;

/**
 * Where a page of {@code GET /api/calls} ended: the sort key of its last call (when the
 * call was first stored, and its id). The next page starts strictly after it, so calls
 * stored meanwhile (which sort before it) neither repeat nor shift a call between pages.
 * Opaque to clients: base64url of the two values.
 *
 * @param createdAt when the last call of the page was first stored
 * @param callId the id of the last call of the page
 */
record CallCursor(Instant createdAt, String callId) {

	private static final char SEPARATOR = '|';

	/**
	 * The cursor as clients see it.
	 * @return the opaque text
	 */
	String encode() {
		String plain = this.createdAt.toString() + SEPARATOR + this.callId;
		return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * Reads a cursor given out by {@link #encode()}.
	 * @param text the opaque text
	 * @return the cursor
	 * @throws InvalidCallQueryException when the text is not such a cursor
	 */
	static CallCursor decode(String text) {
		try {
			String plain = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
			int separator = plain.indexOf(SEPARATOR);
			if (separator < 0 || separator == plain.length() - 1) {
				throw invalid(null);
			}
			return new CallCursor(Instant.parse(plain.substring(0, separator)), plain.substring(separator + 1));
		}
		catch (IllegalArgumentException | DateTimeException ex) {
			throw invalid(ex);
		}
	}

	private static InvalidCallQueryException invalid(@Nullable Exception cause) {
		return new InvalidCallQueryException("'cursor' is not a cursor given out as nextCursor", cause);
	}

}

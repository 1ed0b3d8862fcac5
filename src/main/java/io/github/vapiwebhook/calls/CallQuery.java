package io.github.vapiwebhook.calls;

import java.time.DateTimeException;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A query of {@code GET /api/calls}: the filters, the page size and where the page
 * starts.
 *
 * @param from the earliest start time, inclusive
 * @param to the latest start time, exclusive
 * @param endedReason the ended reason, exactly
 * @param assistantId the assistant id, exactly
 * @param limit the most calls on the page
 * @param after where the previous page ended; {@code null} for the first page
 */
record CallQuery(@Nullable Instant from, @Nullable Instant to, @Nullable String endedReason,
		@Nullable String assistantId, int limit, @Nullable CallCursor after) {

	/** The page size when none is asked for. */
	static final int DEFAULT_LIMIT = 50;

	/** The largest page size. */
	static final int MAX_LIMIT = 200;

	CallQuery {
		if (limit < 1 || limit > MAX_LIMIT) {
			throw new InvalidCallQueryException("'limit' must be a number from 1 to " + MAX_LIMIT);
		}
		if (from != null && to != null && !from.isBefore(to)) {
			throw new InvalidCallQueryException("'from' must be before 'to'");
		}
	}

	/**
	 * Reads a query from the request parameters; blank ones count as absent.
	 * @param from the earliest start time (ISO-8601)
	 * @param to the latest start time, exclusive (ISO-8601)
	 * @param endedReason the ended reason
	 * @param assistantId the assistant id
	 * @param limit the page size
	 * @param cursor the {@code nextCursor} of the previous page
	 * @return the query
	 * @throws InvalidCallQueryException when a parameter is not valid
	 */
	static CallQuery of(@Nullable String from, @Nullable String to, @Nullable String endedReason,
			@Nullable String assistantId, @Nullable String limit, @Nullable String cursor) {
		return new CallQuery(instant("from", from), instant("to", to), text(endedReason), text(assistantId),
				limit(limit), (text(cursor) != null) ? CallCursor.decode(cursor.strip()) : null);
	}

	private static @Nullable Instant instant(String name, @Nullable String value) {
		if (text(value) == null) {
			return null;
		}
		try {
			return Instant.parse(value.strip());
		}
		catch (DateTimeException ex) {
			throw new InvalidCallQueryException(
					"'" + name + "' must be an ISO-8601 instant such as 2025-11-26T17:40:00Z", ex);
		}
	}

	private static int limit(@Nullable String value) {
		if (text(value) == null) {
			return DEFAULT_LIMIT;
		}
		try {
			return Integer.parseInt(value.strip());
		}
		catch (NumberFormatException ex) {
			throw new InvalidCallQueryException("'limit' must be a number from 1 to " + MAX_LIMIT, ex);
		}
	}

	private static @Nullable String text(@Nullable String value) {
		return (value != null && !value.isBlank()) ? value.strip() : null;
	}

}

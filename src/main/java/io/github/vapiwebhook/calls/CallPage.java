package io.github.vapiwebhook.calls;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A page of {@code GET /api/calls}, the calls first stored last first.
 *
 * @param calls the calls of the page
 * @param nextCursor the {@code cursor} of the next page, or {@code null} on the last
 */
record CallPage(List<CallSummary> calls, @Nullable String nextCursor) {

	CallPage {
		calls = List.copyOf(calls);
	}

}

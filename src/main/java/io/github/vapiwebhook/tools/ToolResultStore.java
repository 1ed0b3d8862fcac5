package io.github.vapiwebhook.tools;

import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import io.github.vapiwebhook.reply.ToolCallResult;

/**
 * Remembers the run of each tool call by its call id and tool call id, so that a repeated
 * call (Vapi retries when the server has a backoff plan) gets the first result without
 * running the tool again, also while the first run is still going. Each run is stored
 * with the fingerprint of the call that started it (tool name and arguments); the server
 * serves a stored result only to a call with the same fingerprint, and answers any other
 * call under the same key with an error. The built-in store keeps runs in the database
 * where the server's tables are (shared by every instance on it), in memory otherwise;
 * declare a bean of this type to keep them elsewhere.
 */
public interface ToolResultStore {

	/**
	 * The run stored under a key: the one already stored (finished or still running),
	 * with the fingerprint it was stored with, or else the one the task starts, which is
	 * stored with this fingerprint. The store does not compare fingerprints; the caller
	 * does.
	 * @param key the call id and tool call id
	 * @param fingerprint the fingerprint of this tool call (a short string that stands
	 * for its tool name and arguments), stored with a new run
	 * @param task starts the tool and gives its future result; called at most once per
	 * key while the key is remembered
	 * @return the stored run
	 */
	StoredRun computeIfAbsent(Key key, String fingerprint, Supplier<CompletableFuture<ToolCallResult>> task);

	/**
	 * What a run is remembered by: the tool call id alone is not enough, since another
	 * call may use the same one.
	 *
	 * @param callId the id of the call the tool call belongs to, empty for messages
	 * outside a call
	 * @param toolCallId the tool call id, never blank
	 */
	record Key(String callId, String toolCallId) {

		public Key {
			if (callId == null || toolCallId == null || toolCallId.isBlank()) {
				throw new IllegalArgumentException("A tool result key needs a call id (empty outside a call) "
						+ "and a tool call id that is not blank");
			}
		}

	}

	/**
	 * A remembered run: the fingerprint of the tool call that started it, and its result.
	 *
	 * @param fingerprint the fingerprint of the tool call that started the run
	 * @param result the result, finished or still running
	 */
	record StoredRun(String fingerprint, CompletableFuture<ToolCallResult> result) {

		public StoredRun {
			if (fingerprint == null || result == null) {
				throw new IllegalArgumentException("A stored run needs a fingerprint and a result");
			}
		}

	}

}

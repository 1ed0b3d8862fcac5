package io.github.vapiwebhook.tools;

import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import io.github.vapiwebhook.reply.ToolCallResult;

/**
 * Remembers the result of each tool call by its id, so that a repeated call (Vapi retries
 * when the server has a backoff plan) gets the first result without running the tool
 * again, also while the first run is still going. The built-in store keeps results in
 * memory; declare a bean of this type to keep them elsewhere (a database shared by
 * several instances).
 */
public interface ToolResultStore {

	/**
	 * The result for a tool call id: the one already stored (finished or still running),
	 * or else the one the task starts, which is stored.
	 * @param toolCallId the tool call id
	 * @param task starts the tool and gives its future result; called at most once per id
	 * while the id is remembered
	 * @return the result
	 */
	CompletableFuture<ToolCallResult> computeIfAbsent(String toolCallId,
			Supplier<CompletableFuture<ToolCallResult>> task);

}

package io.github.vapiwebhook.tools;

import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import io.github.vapiwebhook.reply.ToolCallResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Runs a tool call at most once per call id and tool call id, through the
 * {@link ToolResultStore}: a repeat with the same tool name and arguments (compared by
 * fingerprint, so property order and the argument shape do not matter) gets the first
 * run's result; a repeat with another tool or other arguments is answered with an error
 * and runs nothing. A repeat may also be the next call in the same message.
 */
class ToolCallDeduplicator {

	private static final Logger logger = LoggerFactory.getLogger(ToolCallDeduplicator.class);

	private final ToolResultStore store;

	private final ToolCallFingerprinter fingerprinter;

	private final ToolMetrics metrics;

	ToolCallDeduplicator(ToolResultStore store, ToolCallFingerprinter fingerprinter, ToolMetrics metrics) {
		this.store = store;
		this.fingerprinter = fingerprinter;
		this.metrics = metrics;
	}

	/**
	 * The result of a tool call, run by the task unless the key is remembered.
	 * @param key the call id and tool call id
	 * @param toolName the tool's name
	 * @param arguments the call's arguments
	 * @param task starts the tool
	 * @return the stored run's result, or a conflict error
	 */
	CompletableFuture<ToolCallResult> runOnce(ToolResultStore.Key key, String toolName, ObjectNode arguments,
			Supplier<CompletableFuture<ToolCallResult>> task) {
		String fingerprint = this.fingerprinter.fingerprint(toolName, arguments);
		ToolResultStore.StoredRun stored = this.store.computeIfAbsent(key, fingerprint, task);
		if (stored.fingerprint().equals(fingerprint)) {
			return stored.result();
		}
		// Argument values are personal data: the log names the tool call and the tool
		// only.
		logger.warn("Tool call {} was already used for another tool or other arguments; {} was not run",
				key.toolCallId(), toolName);
		this.metrics.conflict();
		return CompletableFuture.completedFuture(ToolCallResult.failure(toolName, key.toolCallId(), "Tool call "
				+ key.toolCallId() + " was already used for another tool or other arguments; it was not run."));
	}

}

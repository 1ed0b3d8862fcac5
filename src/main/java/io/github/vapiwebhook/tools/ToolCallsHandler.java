package io.github.vapiwebhook.tools;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

import io.github.vapiwebhook.message.ToolCall;
import io.github.vapiwebhook.message.ToolCallsMessage;
import io.github.vapiwebhook.message.ToolWithToolCall;
import io.github.vapiwebhook.reply.ToolCallResult;
import io.github.vapiwebhook.reply.ToolCallsReply;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers {@code tool-calls} with the {@link VapiTool} methods: all calls of a message
 * run at once, each under its own deadline, and the reply lists one result per call in
 * request order. Calls of tools that Vapi marks {@code async} are acknowledged at once
 * and finish in the background. Calls past {@code vapi.tools.max-calls-per-message} are
 * answered with an error and not run. A tool call id that comes twice in one message is a
 * repeat: the second call gets the first one's result, or an error when its tool or
 * arguments differ.
 */
class ToolCallsHandler {

	private static final Logger logger = LoggerFactory.getLogger(ToolCallsHandler.class);

	private final ToolCallRunner runner;

	private final String asyncAcknowledgement;

	private final int maxCallsPerMessage;

	private final ToolMetrics metrics;

	ToolCallsHandler(ToolCallRunner runner, String asyncAcknowledgement, int maxCallsPerMessage, ToolMetrics metrics) {
		this.runner = runner;
		this.asyncAcknowledgement = asyncAcknowledgement;
		this.maxCallsPerMessage = maxCallsPerMessage;
		this.metrics = metrics;
	}

	ToolCallsReply handle(ToolCallsMessage message) {
		List<ToolCall> calls = message.calls();
		int allowed = Math.min(calls.size(), this.maxCallsPerMessage);
		List<CompletableFuture<ToolCallResult>> pending = new ArrayList<>(calls.size());
		for (ToolCall call : calls.subList(0, allowed)) {
			pending.add(isAsync(message, call) ? acknowledge(call, message) : this.runner.run(call, message));
		}
		List<ToolCallResult> results = new ArrayList<>(calls.size());
		pending.forEach((result) -> results.add(result.join()));
		if (allowed < calls.size()) {
			refuse(calls.subList(allowed, calls.size()), results);
		}
		return new ToolCallsReply(results);
	}

	private void refuse(List<ToolCall> calls, List<ToolCallResult> results) {
		logger.warn("Refused {} of the {} tool calls of this message: at most {} run per message", calls.size(),
				this.maxCallsPerMessage + calls.size(), this.maxCallsPerMessage);
		this.metrics.refused(calls.size());
		for (ToolCall call : calls) {
			results.add(ToolCallResult.failure(nameOf(call), idOf(call),
					"Too many tool calls in one message; this one was not run."));
		}
	}

	private CompletableFuture<ToolCallResult> acknowledge(ToolCall call, ToolCallsMessage message) {
		CompletableFuture<ToolCallResult> running = this.runner.run(call, message);
		if (running.isDone()) {
			// Already answered (an unknown tool, or a repeated call id): say so instead.
			return running;
		}
		return CompletableFuture
			.completedFuture(ToolCallResult.success(nameOf(call), idOf(call), this.asyncAcknowledgement));
	}

	private static String nameOf(ToolCall call) {
		return (call.toolName() != null) ? call.toolName() : "unknown";
	}

	private static String idOf(ToolCall call) {
		return (call.id() != null) ? call.id() : "";
	}

	private static boolean isAsync(ToolCallsMessage message, ToolCall call) {
		return message.toolWithToolCallList()
			.stream()
			.filter((tool) -> tool.toolCall() != null && Objects.equals(tool.toolCall().id(), call.id()))
			.anyMatch(ToolWithToolCall::isAsync);
	}

}

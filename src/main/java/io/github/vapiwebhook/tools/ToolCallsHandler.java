package io.github.vapiwebhook.tools;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

import io.github.vapiwebhook.message.ToolCall;
import io.github.vapiwebhook.message.ToolCallsMessage;
import io.github.vapiwebhook.message.ToolWithToolCall;
import io.github.vapiwebhook.reply.ToolCallResult;
import io.github.vapiwebhook.reply.ToolCallsReply;
import io.github.vapiwebhook.webhook.ServerMessageHandler;

/**
 * Answers {@code tool-calls} with the {@link VapiTool} methods: all calls of a message
 * run at once, each under its own deadline, and the reply lists one result per call in
 * request order. Calls of tools that Vapi marks {@code async} are acknowledged at once
 * and finish in the background. A tool call id that comes twice in one message is a
 * repeat: the second call gets the first one's result, or an error when its tool or
 * arguments differ.
 */
class ToolCallsHandler implements ServerMessageHandler<ToolCallsMessage, ToolCallsReply> {

	private final ToolCallRunner runner;

	private final String asyncAcknowledgement;

	ToolCallsHandler(ToolCallRunner runner, String asyncAcknowledgement) {
		this.runner = runner;
		this.asyncAcknowledgement = asyncAcknowledgement;
	}

	/**
	 * Every tool call runs on the handler executor under its own deadline, which startup
	 * checks is shorter than the reply deadline, so this handler needs no timing thread
	 * of its own.
	 */
	@Override
	public boolean finishesWithinDeadline() {
		return true;
	}

	@Override
	public Class<ToolCallsMessage> messageType() {
		return ToolCallsMessage.class;
	}

	@Override
	public ToolCallsReply handle(ToolCallsMessage message) {
		List<CompletableFuture<ToolCallResult>> pending = message.calls()
			.stream()
			.map((call) -> isAsync(message, call) ? acknowledge(call, message) : this.runner.run(call, message))
			.toList();
		return new ToolCallsReply(pending.stream().map(CompletableFuture::join).toList());
	}

	private CompletableFuture<ToolCallResult> acknowledge(ToolCall call, ToolCallsMessage message) {
		CompletableFuture<ToolCallResult> running = this.runner.run(call, message);
		if (running.isDone()) {
			// Already answered (an unknown tool, or a repeated call id): say so instead.
			return running;
		}
		String name = (call.toolName() != null) ? call.toolName() : "unknown";
		String id = (call.id() != null) ? call.id() : "";
		return CompletableFuture.completedFuture(ToolCallResult.success(name, id, this.asyncAcknowledgement));
	}

	private static boolean isAsync(ToolCallsMessage message, ToolCall call) {
		return message.toolWithToolCallList()
			.stream()
			.filter((tool) -> tool.toolCall() != null && Objects.equals(tool.toolCall().id(), call.id()))
			.anyMatch(ToolWithToolCall::isAsync);
	}

}

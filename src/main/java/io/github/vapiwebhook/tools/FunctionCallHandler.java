package io.github.vapiwebhook.tools;

import io.github.vapiwebhook.message.FunctionCallMessage;
import io.github.vapiwebhook.message.ToolCall;
import io.github.vapiwebhook.reply.FunctionCallReply;
import io.github.vapiwebhook.reply.ToolCallResult;

/**
 * Answers legacy {@code function-call} messages with the same {@link VapiTool} methods:
 * the reply is {@code {"result": ...}}, holding the error text when the tool failed.
 * These calls have no id, so they are not deduplicated.
 */
class FunctionCallHandler {

	private final ToolCallRunner runner;

	FunctionCallHandler(ToolCallRunner runner) {
		this.runner = runner;
	}

	FunctionCallReply handle(FunctionCallMessage message) {
		FunctionCallMessage.FunctionCall function = message.functionCall();
		ToolCall call = new ToolCall(null, "function",
				new ToolCall.Function(function.name(), function.parameters(), null), null, null, null);
		ToolCallResult result = this.runner.run(call, message).join();
		return new FunctionCallReply((result.result() != null) ? result.result() : String.valueOf(result.error()));
	}

}

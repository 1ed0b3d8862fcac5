package io.github.vapiwebhook.message;

import java.util.List;

/**
 * A {@code tool-calls}: the model called one or more tools that this server runs; the
 * reply holds one result per call, in request order.
 *
 * @param context the fields common to all messages
 * @param toolCallList the calls, used for dispatch
 * @param toolWithToolCallList each call with its tool's configuration
 * @param toolCalls an undocumented copy of {@code toolCallList} seen in real payloads,
 * used as a fallback
 */
public record ToolCallsMessage(MessageContext context, List<ToolCall> toolCallList,
		List<ToolWithToolCall> toolWithToolCallList,
		List<ToolCall> toolCalls) implements RequestMessage<io.github.vapiwebhook.reply.ToolCallsReply> {

	public ToolCallsMessage {
		toolCallList = (toolCallList != null) ? List.copyOf(toolCallList) : List.of();
		toolWithToolCallList = (toolWithToolCallList != null) ? List.copyOf(toolWithToolCallList) : List.of();
		toolCalls = (toolCalls != null) ? List.copyOf(toolCalls) : List.of();
	}

	/**
	 * The calls to answer, in request order: {@code toolCallList}, or when it is empty
	 * the calls inside {@code toolWithToolCallList}, or else the undocumented
	 * {@code toolCalls}.
	 * @return the calls
	 */
	public List<ToolCall> calls() {
		if (!this.toolCallList.isEmpty()) {
			return this.toolCallList;
		}
		List<ToolCall> nested = this.toolWithToolCallList.stream()
			.map(ToolWithToolCall::toolCall)
			.filter((call) -> call != null)
			.toList();
		return nested.isEmpty() ? this.toolCalls : nested;
	}

	/**
	 * Describes this object without personal data or conversation content, which must
	 * never reach the logs.
	 * @return a redacted description
	 */
	@Override
	public String toString() {
		return "ToolCallsMessage[type=" + type() + ", callId=" + callId() + ", calls=" + calls() + "]";
	}

}

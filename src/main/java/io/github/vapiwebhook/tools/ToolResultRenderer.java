package io.github.vapiwebhook.tools;

import io.github.vapiwebhook.reply.ToolCallResult;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns what a tool returned or threw into the single-line result Vapi reads: a string as
 * it is, a {@link ToolResult} with its message, any other object as compact JSON; a
 * {@link ToolArgumentException} with its message (the model can correct its arguments),
 * any other exception as a generic error, its stack trace in the log only.
 */
class ToolResultRenderer {

	private static final Logger logger = LoggerFactory.getLogger(ToolResultRenderer.class);

	private static final String DONE = "Done.";

	private final JsonMapper mapper;

	ToolResultRenderer(JsonMapper mapper) {
		this.mapper = mapper;
	}

	ToolCallResult success(String name, String toolCallId, @Nullable Object value) {
		if (value == null) {
			return ToolCallResult.success(name, toolCallId, DONE);
		}
		if (value instanceof ToolResult result) {
			ToolCallResult rendered = (result.result() != null)
					? ToolCallResult.success(name, toolCallId, result.result())
					: ToolCallResult.failure(name, toolCallId, result.error());
			return (result.message() != null) ? rendered.withMessage(result.message()) : rendered;
		}
		if (value instanceof CharSequence text) {
			return ToolCallResult.success(name, toolCallId, text.toString());
		}
		try {
			return ToolCallResult.success(name, toolCallId, this.mapper.writeValueAsString(value));
		}
		catch (JacksonException ex) {
			return failure(name, toolCallId, ex);
		}
	}

	ToolCallResult failure(String name, String toolCallId, Throwable failure) {
		if (failure instanceof ToolArgumentException) {
			// The message quotes the argument value, which may be personal data: not at
			// INFO.
			logger.info("Tool {} refused the arguments of tool call {}", name, toolCallId);
			logger.debug("Tool {} refused its arguments: {}", name, failure.getMessage());
			return ToolCallResult.failure(name, toolCallId, failure.getMessage());
		}
		logger.error("Tool {} failed on tool call {}", name, toolCallId, failure);
		return ToolCallResult.failure(name, toolCallId, "The tool " + name + " failed with an internal error.");
	}

}

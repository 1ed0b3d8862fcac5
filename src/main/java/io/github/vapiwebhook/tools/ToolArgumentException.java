package io.github.vapiwebhook.tools;

/**
 * The arguments of a tool call do not fit the tool's parameters. The message names the
 * argument and what was expected; it is sent to the model as the call's error so that it
 * can retry with better arguments.
 */
public class ToolArgumentException extends RuntimeException {

	public ToolArgumentException(String message) {
		super(message);
	}

	public ToolArgumentException(String message, Throwable cause) {
		super(message, cause);
	}

}

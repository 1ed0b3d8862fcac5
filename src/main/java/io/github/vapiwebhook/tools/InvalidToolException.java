package io.github.vapiwebhook.tools;

/**
 * A {@link VapiTool} method cannot be a tool (bad name, duplicate name, unsupported
 * parameters); it stops startup with a message naming the beans and methods.
 */
public class InvalidToolException extends RuntimeException {

	public InvalidToolException(String message) {
		super(message);
	}

	public InvalidToolException(String message, Throwable cause) {
		super(message, cause);
	}

}

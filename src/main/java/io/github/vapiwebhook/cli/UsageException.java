package io.github.vapiwebhook.cli;

/**
 * The command cannot run as asked or configured (a missing option, a missing API key, a
 * configuration with no credential): its message is printed without a stack trace and the
 * exit code is 2.
 */
class UsageException extends RuntimeException {

	UsageException(String message) {
		super(message);
	}

	UsageException(String message, Throwable cause) {
		super(message, cause);
	}

}

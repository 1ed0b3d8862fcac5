package io.github.vapiwebhook.simulate;

/**
 * Input the commands cannot use: an unknown scenario, a missing or malformed scenario,
 * tools or recording file. A user error: the command prints the message, without a stack
 * trace, and exits with 2.
 */
class InvalidInputException extends RuntimeException {

	InvalidInputException(String message) {
		super(message);
	}

}

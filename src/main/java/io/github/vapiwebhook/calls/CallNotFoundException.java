package io.github.vapiwebhook.calls;

/**
 * No call with the requested id is stored, or the requested part of it is not (a
 * transcript not received yet, or purged). Answered with 404 and the message as detail.
 */
class CallNotFoundException extends RuntimeException {

	CallNotFoundException(String message) {
		super(message);
	}

}

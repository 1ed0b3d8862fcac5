package io.github.vapiwebhook.calls;

import org.jspecify.annotations.Nullable;

/**
 * A query of the call API that cannot be answered: a filter, limit or cursor that is not
 * valid. Answered with 400 and the message as detail, which never holds more of the
 * request than the name of the parameter.
 */
class InvalidCallQueryException extends RuntimeException {

	InvalidCallQueryException(String message) {
		super(message);
	}

	InvalidCallQueryException(String message, @Nullable Throwable cause) {
		super(message, cause);
	}

}

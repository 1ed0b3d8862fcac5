package io.github.vapiwebhook.webhook;

/**
 * Thrown at startup when two handler beans answer the same request type.
 */
public class DuplicateHandlerException extends IllegalStateException {

	DuplicateHandlerException(Class<?> messageType, String firstBean, Object first, String secondBean, Object second) {
		super("Two handler beans answer %s: '%s' (%s) and '%s' (%s). Exactly one handler may answer a request type; remove or disable one of them."
			.formatted(messageType.getSimpleName(), firstBean, first.getClass().getName(), secondBean,
					second.getClass().getName()));
	}

}

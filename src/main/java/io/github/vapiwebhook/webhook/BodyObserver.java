package io.github.vapiwebhook.webhook;

/**
 * Sees the bytes of a request body as they arrive, before the whole body is there: an
 * HMAC signature is computed over them this way, without waiting for (or trusting) the
 * declared length.
 */
@FunctionalInterface
public interface BodyObserver {

	/** An observer that does nothing. */
	BodyObserver NONE = (bytes, offset, length) -> {
	};

	/**
	 * Receives the next bytes of the body.
	 * @param bytes a buffer holding them
	 * @param offset where they start
	 * @param length how many there are
	 */
	void update(byte[] bytes, int offset, int length);

}

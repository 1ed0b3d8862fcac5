package io.github.vapiwebhook.security;

import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;

import io.github.vapiwebhook.webhook.BodyObserver;
import org.jspecify.annotations.Nullable;

/**
 * The HMAC signature of one request, checked over the body while it arrives: every
 * configured key's MAC is fed each chunk, and the result is compared in constant time
 * once the body is complete. Whether the signature matches is known only then.
 */
final class BodySignature implements BodyObserver {

	private final byte[] expected;

	private final HmacPayload.Computation computation;

	private final @Nullable String messageId;

	BodySignature(byte[] expected, HmacPayload.Computation computation, @Nullable String messageId) {
		this.expected = expected;
		this.computation = computation;
		this.messageId = messageId;
	}

	@Override
	public void update(byte[] bytes, int offset, int length) {
		this.computation.update(bytes, offset, length);
	}

	/**
	 * Whether the signature is the MAC of the payload under one of the keys.
	 * @param body the whole body, as fed to {@link #update} chunk by chunk
	 * @return {@code true} when it matches
	 */
	boolean matches(byte[] body) {
		List<byte[]> macs = this.computation.finish(body);
		boolean matched = false;
		for (byte[] mac : macs) {
			matched |= MessageDigest.isEqual(mac, this.expected);
		}
		return matched;
	}

	/**
	 * What identifies this exact request: its signature, a MAC over its timestamp and
	 * body (and whatever else the payload format holds).
	 * @return the signature, encoded
	 */
	String identity() {
		return Base64.getEncoder().encodeToString(this.expected);
	}

	/**
	 * The message id header value, when the plan has one.
	 * @return the id, or {@code null}
	 */
	@Nullable String messageId() {
		return this.messageId;
	}

}

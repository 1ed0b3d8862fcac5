package io.github.vapiwebhook.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

/**
 * A set of plain secrets compared in constant time. Both sides are hashed first so that
 * neither the content nor the length of a secret leaks through timing, and every secret
 * is compared even after a match. Public for the other features that check a credential
 * of their own (the call API's keys).
 */
public final class ConstantTimeSecrets {

	private final List<byte[]> digests;

	/**
	 * Creates the set.
	 * @param secrets the accepted secrets, at least one
	 */
	public ConstantTimeSecrets(List<String> secrets) {
		if (secrets.isEmpty()) {
			throw new IllegalArgumentException("At least one secret is required");
		}
		this.digests = secrets.stream().map(ConstantTimeSecrets::digest).toList();
	}

	/**
	 * Whether a candidate is one of the secrets, in a time that does not depend on the
	 * content of either.
	 * @param candidate the value a request carried
	 * @return {@code true} when it matches a secret
	 */
	public boolean matches(String candidate) {
		byte[] digest = digest(candidate);
		boolean matched = false;
		for (byte[] expected : this.digests) {
			matched |= MessageDigest.isEqual(expected, digest);
		}
		return matched;
	}

	private static byte[] digest(String value) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is not available", ex);
		}
	}

}

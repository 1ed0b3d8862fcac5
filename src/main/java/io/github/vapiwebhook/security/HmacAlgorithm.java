package io.github.vapiwebhook.security;

import java.security.GeneralSecurityException;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The HMAC algorithms of Vapi's HMAC authentication plan.
 */
public enum HmacAlgorithm {

	/** HMAC-SHA-256, Vapi's usual choice. */
	SHA256("HmacSHA256", 32),

	/** HMAC-SHA-512. */
	SHA512("HmacSHA512", 64),

	/** HMAC-SHA-1, for legacy senders only. */
	SHA1("HmacSHA1", 20);

	private final String jcaName;

	private final int macLength;

	HmacAlgorithm(String jcaName, int macLength) {
		this.jcaName = jcaName;
		this.macLength = macLength;
	}

	/**
	 * The length of a MAC in bytes: a signature of another length cannot match, and is
	 * refused before the body is read.
	 */
	int macLength() {
		return this.macLength;
	}

	/**
	 * A MAC initialised with a key. Initialising hashes the key, so verifiers keep one
	 * per key as a prototype and {@linkplain Mac#clone() clone} it per request.
	 */
	Mac newMac(byte[] key) {
		try {
			Mac mac = Mac.getInstance(this.jcaName);
			mac.init(new SecretKeySpec(key, this.jcaName));
			return mac;
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HMAC " + this.jcaName + " is not available", ex);
		}
	}

}

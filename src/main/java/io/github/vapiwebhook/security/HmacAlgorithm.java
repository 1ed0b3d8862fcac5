package io.github.vapiwebhook.security;

import java.security.GeneralSecurityException;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The HMAC algorithms of Vapi's HMAC authentication plan.
 */
public enum HmacAlgorithm {

	/** HMAC-SHA-256, Vapi's usual choice. */
	SHA256("HmacSHA256"),

	/** HMAC-SHA-512. */
	SHA512("HmacSHA512"),

	/** HMAC-SHA-1, for legacy senders only. */
	SHA1("HmacSHA1");

	private final String jcaName;

	HmacAlgorithm(String jcaName) {
		this.jcaName = jcaName;
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

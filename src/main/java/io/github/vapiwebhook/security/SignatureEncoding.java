package io.github.vapiwebhook.security;

import java.util.Base64;
import java.util.HexFormat;

/**
 * How an HMAC signature is written in its header.
 */
public enum SignatureEncoding {

	/** Lower-case hexadecimal (Vapi's default); upper case is accepted too. */
	HEX {
		@Override
		String encode(byte[] signature) {
			return HexFormat.of().formatHex(signature);
		}

		@Override
		byte[] decode(String text) {
			return HexFormat.of().parseHex(text);
		}
	},

	/** Standard base64 with padding. */
	BASE64 {
		@Override
		String encode(byte[] signature) {
			return Base64.getEncoder().encodeToString(signature);
		}

		@Override
		byte[] decode(String text) {
			return Base64.getDecoder().decode(text);
		}
	};

	abstract String encode(byte[] signature);

	/**
	 * Decodes a signature.
	 * @throws IllegalArgumentException when the text is not in this encoding
	 */
	abstract byte[] decode(String text);

}

package io.github.vapiwebhook.vapiapi;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * Vapi's {@code HMACAuthenticationPlan}, field for field.
 *
 * @param type always {@code hmac}
 * @param secretKey the secret key
 * @param algorithm {@code sha256}, {@code sha512} or {@code sha1}
 * @param signatureHeader the header carrying the signature
 * @param timestampHeader the header carrying the timestamp
 * @param signaturePrefix text before the signature, or {@code null}
 * @param includeTimestamp whether a timestamp is sent and signed
 * @param payloadFormat the signed text
 * @param messageIdHeader the header carrying a unique message id, or {@code null}
 * @param signatureEncoding {@code hex} or {@code base64}
 * @param secretIsBase64 whether the secret is base64 and decoded before use
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record HmacPlan(String type, String secretKey, String algorithm, String signatureHeader, String timestampHeader,
		@Nullable String signaturePrefix, boolean includeTimestamp, String payloadFormat,
		@Nullable String messageIdHeader, String signatureEncoding,
		boolean secretIsBase64) implements AuthenticationPlan {

	@Override
	public HmacPlan masked() {
		return new HmacPlan(this.type, CustomCredential.MASK, this.algorithm, this.signatureHeader,
				this.timestampHeader, this.signaturePrefix, this.includeTimestamp, this.payloadFormat,
				this.messageIdHeader, this.signatureEncoding, this.secretIsBase64);
	}

	@Override
	public String toString() {
		return "HmacPlan[algorithm=" + this.algorithm + ", signatureHeader=" + this.signatureHeader + "]";
	}

}

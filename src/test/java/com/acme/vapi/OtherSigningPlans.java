package com.acme.vapi;

// tag::signer-builder[]
import io.github.vapiwebhook.security.HmacAlgorithm;
import io.github.vapiwebhook.security.SignatureEncoding;
import io.github.vapiwebhook.security.WebhookSigner;
// end::signer-builder[]

/**
 * The README's signer for an HMAC plan other than Vapi's default.
 */
final class OtherSigningPlans {

	private OtherSigningPlans() {
	}

	static WebhookSigner svixStyle(String secret) {
		// tag::signer-builder[]
		WebhookSigner signer = WebhookSigner.builder(secret)
			.algorithm(HmacAlgorithm.SHA512)
			.signatureEncoding(SignatureEncoding.BASE64)
			.signaturePrefix("sha512=")
			.payloadFormat("{method} {url} {svix-id}.{timestamp}.{body}")
			// {url} is the URL the server sees
			.target("POST", "http://localhost/vapi/webhook")
			.messageId("svix-id", "msg_1")
			.timestampInMillis(true)
			.build();
		// end::signer-builder[]
		return signer;
	}

}

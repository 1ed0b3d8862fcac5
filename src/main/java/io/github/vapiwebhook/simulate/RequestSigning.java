package io.github.vapiwebhook.simulate;

import java.net.URI;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import io.github.vapiwebhook.security.SecurityProperties;
import io.github.vapiwebhook.security.WebhookSigner;

/**
 * The authentication headers the simulator sends with a body, as Vapi would send them to
 * the server.
 */
@FunctionalInterface
public interface RequestSigning {

	/** Sends no authentication headers. */
	RequestSigning NONE = (body, now) -> Map.of();

	/**
	 * The headers for a body.
	 * @param body the exact bytes that will be sent
	 * @param now the signing time
	 * @return header names and values
	 */
	Map<String, String> headersFor(byte[] body, Instant now);

	/**
	 * Signs as a server's own authentication configuration expects: with its first HMAC
	 * secret and HMAC plan when it has one, else its first bearer token, else its first
	 * shared secret; unsigned when it has none.
	 * @param security the server's vapi.security configuration
	 * @param url the webhook URL the requests go to, for an HMAC payload that signs it
	 * @return the signing
	 */
	static RequestSigning of(SecurityProperties security, URI url) {
		SecurityProperties.Hmac hmac = security.hmac();
		if (!hmac.secrets().isEmpty()) {
			String messageIdHeader = hmac.messageIdHeader();
			if (messageIdHeader == null) {
				return hmacSigner(hmac, url).build()::headersFor;
			}
			// a fresh message id for every request, as Vapi sends one
			return (body, now) -> hmacSigner(hmac, url).messageId(messageIdHeader, UUID.randomUUID().toString())
				.build()
				.headersFor(body, now);
		}
		if (!security.bearer().tokens().isEmpty()) {
			String token = security.bearer().tokens().get(0);
			String header = security.bearer().headerName();
			return (body, now) -> Map.of(header, "Bearer " + token);
		}
		if (!security.sharedSecret().secrets().isEmpty()) {
			String secret = security.sharedSecret().secrets().get(0);
			String header = security.sharedSecret().headerNames().get(0);
			return (body, now) -> Map.of(header, secret);
		}
		return NONE;
	}

	private static WebhookSigner.Builder hmacSigner(SecurityProperties.Hmac hmac, URI url) {
		return WebhookSigner.builder(hmac.secrets().get(0))
			.algorithm(hmac.algorithm())
			.signatureHeader(hmac.signatureHeader())
			.timestampHeader(hmac.timestampHeader())
			.signaturePrefix(hmac.signaturePrefix())
			.includeTimestamp(hmac.includeTimestamp())
			.payloadFormat(hmac.payloadFormat())
			.signatureEncoding(hmac.signatureEncoding())
			.secretIsBase64(hmac.secretIsBase64())
			.target("POST", url.toString());
	}

}

package io.github.vapiwebhook.simulate;

import java.net.URI;
import java.time.Instant;
import java.util.Map;

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
	 * Signs as a server's own authentication configuration expects (see
	 * {@link WebhookSigner#of(SecurityProperties, URI)}).
	 * @param security the server's vapi.security configuration
	 * @param url the webhook URL the requests go to, for an HMAC payload that signs it
	 * @return the signing
	 */
	static RequestSigning of(SecurityProperties security, URI url) {
		return WebhookSigner.of(security, url)::headersFor;
	}

}

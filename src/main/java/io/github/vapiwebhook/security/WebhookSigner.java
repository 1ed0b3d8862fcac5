package io.github.vapiwebhook.security;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jose.jwk.JWK;
import org.jspecify.annotations.Nullable;

/**
 * Produces the authentication headers Vapi would send for a body, for tests of handler
 * beans through MockMvc or real HTTP. {@link #hmac(String)} follows Vapi's default HMAC
 * plan (sha256, hex, {@code x-signature} over {@code {timestamp}.{body}},
 * {@code x-timestamp} in epoch seconds); {@link #builder(String)} sets the rest.
 * {@link #tokenEndpoint(String)} and {@link #jwt(JWK, String, String, String)} produce
 * the bearer JWT of Vapi's OAuth2 credential.
 */
public final class WebhookSigner {

	private final HeaderSource source;

	private WebhookSigner(HeaderSource source) {
		this.source = source;
	}

	/**
	 * A signer for Vapi's default HMAC plan.
	 * @param secret the HMAC secret key
	 * @return the signer
	 */
	public static WebhookSigner hmac(String secret) {
		return builder(secret).build();
	}

	/**
	 * A builder for any HMAC plan, starting from Vapi's defaults.
	 * @param secret the HMAC secret key (base64 when {@code secretIsBase64(true)})
	 * @return the builder
	 */
	public static Builder builder(String secret) {
		return new Builder(secret);
	}

	/**
	 * A signer for the legacy shared secret, sent in {@code X-Vapi-Secret}.
	 * @param secret the secret
	 * @return the signer
	 */
	public static WebhookSigner sharedSecret(String secret) {
		return new WebhookSigner((body, timestamp) -> Map.of("X-Vapi-Secret", secret));
	}

	/**
	 * A signer for a bearer credential, sent as {@code Authorization: Bearer <token>}.
	 * @param token the token
	 * @return the signer
	 */
	public static WebhookSigner bearer(String token) {
		return new WebhookSigner((body, timestamp) -> Map.of("Authorization", "Bearer " + token));
	}

	/**
	 * A signer for the OAuth2 credential with this server's token endpoint: a token as
	 * the endpoint issues it at the signing time (valid for ten minutes from then), sent
	 * as {@code Authorization: Bearer <token>}. A signing time in the past gives an
	 * expired token.
	 * @param signingSecret the endpoint's signing secret
	 * ({@code vapi.security.oauth2.token-endpoint.signing-secret})
	 * @return the signer
	 */
	public static WebhookSigner tokenEndpoint(String signingSecret) {
		LocalTokenIssuer issuer = new LocalTokenIssuer(signingSecret, Duration.ofMinutes(10));
		return new WebhookSigner(
				(body, timestamp) -> Map.of("Authorization", "Bearer " + issuer.issue("test-client", null, timestamp)));
	}

	/**
	 * A signer for the OAuth2 credential with the server's own token endpoint, whose
	 * tokens carry a scope (needed when vapi.security.oauth2.scopes is set).
	 * @param signingSecret the token endpoint's signing secret
	 * @param scope the scope claim (space-separated scopes)
	 * @return the signer
	 */
	public static WebhookSigner tokenEndpoint(String signingSecret, String scope) {
		LocalTokenIssuer issuer = new LocalTokenIssuer(signingSecret, Duration.ofMinutes(10));
		return new WebhookSigner((body, timestamp) -> Map.of("Authorization",
				"Bearer " + issuer.issue("test-client", scope, timestamp)));
	}

	/**
	 * A signer for the OAuth2 credential with an identity provider: a JWT signed with a
	 * key of the provider's JWK set (RS256 for an RSA key, ES256 for a P-256 key, with
	 * the key's id as kid), issued at the signing time and valid for five minutes, sent
	 * as {@code Authorization: Bearer <token>}.
	 * @param key the private key, with its key id
	 * @param issuer the iss claim
	 * @param audience the aud claim
	 * @param scope the scope claim (space-separated scopes)
	 * @return the signer
	 */
	public static WebhookSigner jwt(JWK key, String issuer, String audience, String scope) {
		return new WebhookSigner((body, timestamp) -> Map.of("Authorization",
				"Bearer " + SignedTokens.jwt(key, issuer, audience, scope, timestamp)));
	}

	/**
	 * A signer that signs as a server's authentication configuration expects, for
	 * requests to that server: with its first HMAC secret and the whole HMAC plan (a
	 * fresh message id for each request when the plan has a message id header), else its
	 * first shared secret in the first of its header names, else its first bearer token
	 * in its header, else a token of its own token endpoint. It sends no headers when the
	 * configuration has no credential or its mode is {@code none}.
	 * @param security the server's {@code vapi.security} configuration
	 * @param url the URL the requests go to, for an HMAC payload that signs {@code {url}}
	 * @return the signer
	 */
	public static WebhookSigner of(SecurityProperties security, URI url) {
		SecurityProperties.Hmac hmac = security.hmac();
		if (security.mode() == SecurityProperties.Mode.NONE) {
			return new WebhookSigner((body, timestamp) -> Map.of());
		}
		if (!hmac.secrets().isEmpty()) {
			return hmac(hmac, url);
		}
		if (!security.sharedSecret().secrets().isEmpty()) {
			String header = security.sharedSecret().headerNames().get(0);
			String secret = security.sharedSecret().secrets().get(0);
			return new WebhookSigner((body, timestamp) -> Map.of(header, secret));
		}
		if (!security.bearer().tokens().isEmpty()) {
			String header = security.bearer().headerName();
			String token = security.bearer().tokens().get(0);
			return new WebhookSigner((body, timestamp) -> Map.of(header, "Bearer " + token));
		}
		SecurityProperties.TokenEndpoint endpoint = security.oauth2().tokenEndpoint();
		if (endpoint.clientId() != null && endpoint.signingSecret() != null) {
			return tokenEndpoint(endpoint.signingSecret());
		}
		return new WebhookSigner((body, timestamp) -> Map.of());
	}

	private static WebhookSigner hmac(SecurityProperties.Hmac hmac, URI url) {
		Builder builder = builder(hmac.secrets().get(0)).algorithm(hmac.algorithm())
			.signatureHeader(hmac.signatureHeader())
			.timestampHeader(hmac.timestampHeader())
			.signaturePrefix(hmac.signaturePrefix())
			.includeTimestamp(hmac.includeTimestamp())
			.payloadFormat(hmac.payloadFormat())
			.signatureEncoding(hmac.signatureEncoding())
			.secretIsBase64(hmac.secretIsBase64())
			.target("POST", url.toString());
		String messageIdHeader = hmac.messageIdHeader();
		if (messageIdHeader == null) {
			return builder.build();
		}
		// a repeated message id is refused: a fresh one for each request
		return new WebhookSigner((body, timestamp) -> builder.copy()
			.messageId(messageIdHeader, UUID.randomUUID().toString())
			.build()
			.headersFor(body, timestamp));
	}

	/**
	 * The headers to send with a body.
	 * @param body the exact bytes that will be sent
	 * @param timestamp the signing time
	 * @return header names and values
	 */
	public Map<String, String> headersFor(byte[] body, Instant timestamp) {
		return this.source.headersFor(body, timestamp);
	}

	/**
	 * The headers to send with a body, encoded as UTF-8.
	 * @param body the body text that will be sent
	 * @param timestamp the signing time
	 * @return header names and values
	 */
	public Map<String, String> headersFor(String body, Instant timestamp) {
		return headersFor(body.getBytes(StandardCharsets.UTF_8), timestamp);
	}

	private interface HeaderSource {

		Map<String, String> headersFor(byte[] body, Instant timestamp);

	}

	/**
	 * Settings of an HMAC plan, named as in Vapi's {@code HmacAuthenticationPlan}.
	 */
	public static final class Builder {

		private final String secret;

		private HmacAlgorithm algorithm = HmacAlgorithm.SHA256;

		private String signatureHeader = "x-signature";

		private String timestampHeader = "x-timestamp";

		private String signaturePrefix = "";

		private boolean includeTimestamp = true;

		private String payloadFormat = HmacPayload.DEFAULT_FORMAT;

		private @Nullable String messageIdHeader;

		private String messageId = "";

		private SignatureEncoding signatureEncoding = SignatureEncoding.HEX;

		private boolean secretIsBase64;

		private boolean timestampInMillis;

		private String method = "POST";

		private String url = "";

		private Builder(String secret) {
			this.secret = secret;
		}

		/**
		 * The HMAC algorithm (default sha256).
		 */
		public Builder algorithm(HmacAlgorithm algorithm) {
			this.algorithm = algorithm;
			return this;
		}

		/**
		 * The header carrying the signature (default {@code x-signature}).
		 */
		public Builder signatureHeader(String signatureHeader) {
			this.signatureHeader = signatureHeader;
			return this;
		}

		/**
		 * The header carrying the timestamp (default {@code x-timestamp}).
		 */
		public Builder timestampHeader(String timestampHeader) {
			this.timestampHeader = timestampHeader;
			return this;
		}

		/**
		 * Text written before the signature, such as {@code sha256=} (default none).
		 */
		public Builder signaturePrefix(String signaturePrefix) {
			this.signaturePrefix = signaturePrefix;
			return this;
		}

		/**
		 * Whether a timestamp header is sent (default {@code true}).
		 */
		public Builder includeTimestamp(boolean includeTimestamp) {
			this.includeTimestamp = includeTimestamp;
			return this;
		}

		/**
		 * The signed text (default {@code {timestamp}.{body}}).
		 */
		public Builder payloadFormat(String payloadFormat) {
			this.payloadFormat = payloadFormat;
			return this;
		}

		/**
		 * Sends a message id header (the value of {@code {svix-id}}).
		 * @param header the header name
		 * @param id the id to send
		 * @return this builder
		 */
		public Builder messageId(String header, String id) {
			this.messageIdHeader = header;
			this.messageId = id;
			return this;
		}

		/**
		 * How the signature is written (default hex).
		 */
		public Builder signatureEncoding(SignatureEncoding signatureEncoding) {
			this.signatureEncoding = signatureEncoding;
			return this;
		}

		/**
		 * Whether the secret is base64 and decoded before use (default {@code false}).
		 */
		public Builder secretIsBase64(boolean secretIsBase64) {
			this.secretIsBase64 = secretIsBase64;
			return this;
		}

		/**
		 * Sends the timestamp in epoch milliseconds instead of seconds.
		 * @param timestampInMillis whether to use milliseconds
		 * @return this builder
		 */
		public Builder timestampInMillis(boolean timestampInMillis) {
			this.timestampInMillis = timestampInMillis;
			return this;
		}

		/**
		 * The method and public URL the request goes to, for {@code {method}} and
		 * {@code {url}}.
		 * @param method the HTTP method
		 * @param url the full URL as the server sees it
		 * @return this builder
		 */
		public Builder target(String method, String url) {
			this.method = method;
			this.url = url;
			return this;
		}

		/**
		 * Builds the signer; later changes to this builder do not affect it.
		 */
		public WebhookSigner build() {
			HmacPayload payload = HmacPayload.of(this.payloadFormat, this.includeTimestamp);
			byte[] key = this.secretIsBase64 ? Base64.getDecoder().decode(this.secret)
					: this.secret.getBytes(StandardCharsets.UTF_8);
			Builder settings = copy();
			return new WebhookSigner((body, timestamp) -> settings.sign(payload, key, body, timestamp));
		}

		private Builder copy() {
			Builder copy = new Builder(this.secret).algorithm(this.algorithm)
				.signatureHeader(this.signatureHeader)
				.timestampHeader(this.timestampHeader)
				.signaturePrefix(this.signaturePrefix)
				.includeTimestamp(this.includeTimestamp)
				.payloadFormat(this.payloadFormat)
				.signatureEncoding(this.signatureEncoding)
				.secretIsBase64(this.secretIsBase64)
				.timestampInMillis(this.timestampInMillis)
				.target(this.method, this.url);
			copy.messageIdHeader = this.messageIdHeader;
			copy.messageId = this.messageId;
			return copy;
		}

		private Map<String, String> sign(HmacPayload payload, byte[] key, byte[] body, Instant timestamp) {
			String time = this.timestampInMillis ? Long.toString(timestamp.toEpochMilli())
					: Long.toString(timestamp.getEpochSecond());
			HmacPayload.Computation computation = payload.start(List.of(this.algorithm.newMac(key)),
					new HmacPayload.Values(this.includeTimestamp ? time : "", this.method, this.url, this.messageId));
			computation.update(body, 0, body.length);
			byte[] mac = computation.finish(body).get(0);
			Map<String, String> headers = new LinkedHashMap<>();
			headers.put(this.signatureHeader, this.signaturePrefix + this.signatureEncoding.encode(mac));
			if (this.includeTimestamp) {
				headers.put(this.timestampHeader, time);
			}
			if (this.messageIdHeader != null) {
				headers.put(this.messageIdHeader, this.messageId);
			}
			return headers;
		}

	}

}

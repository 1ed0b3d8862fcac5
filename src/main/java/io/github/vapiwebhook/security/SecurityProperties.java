package io.github.vapiwebhook.security;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Authentication of webhook requests (vapi.security.*). Every scheme with at least one
 * secret is accepted; a request passes when any of them accepts it.
 *
 * @param mode verify (authenticate every request) or none (accept everything, for local
 * experiments only)
 * @param sharedSecret Vapi's legacy plain secret, sent as a header
 * @param bearer a bearer-token credential
 * @param hmac an HMAC credential (Vapi's HmacAuthenticationPlan)
 * @param replayTolerance how far an HMAC timestamp may lie in the past or the future, and
 * how long HMAC message ids are remembered
 * @param ipAllowlist the optional source-IP allowlist and the proxies trusted for
 * X-Forwarded-* headers
 * @param publicBaseUrl the public URL of this server as Vapi calls it (scheme, host and
 * optional path prefix), used for {url} in the HMAC payload format
 * @param replay how exact repeats of an HMAC-signed request are recognised
 * @param oauth2 bearer tokens that are JWTs (Vapi's OAuth2 credential), from an identity
 * provider or from the token endpoint of this server
 */
@Validated
@ConfigurationProperties("vapi.security")
public record SecurityProperties(@DefaultValue("verify") @NotNull Mode mode,
		@DefaultValue @Valid SharedSecret sharedSecret, @DefaultValue @Valid Bearer bearer,
		@DefaultValue @Valid Hmac hmac, @DefaultValue("5m") @NotNull Duration replayTolerance,
		@DefaultValue @Valid IpAllowlist ipAllowlist, @Nullable URI publicBaseUrl, @DefaultValue @Valid Replay replay,
		@DefaultValue @Valid OAuth2 oauth2) {

	public SecurityProperties {
		if (replayTolerance.isNegative() || replayTolerance.isZero()) {
			throw new IllegalArgumentException("vapi.security.replay-tolerance must be positive");
		}
		if (publicBaseUrl != null && (publicBaseUrl.getScheme() == null || publicBaseUrl.getHost() == null)) {
			throw new IllegalArgumentException(
					"vapi.security.public-base-url must be an absolute URL such as https://example.com");
		}
	}

	/**
	 * Whether any scheme has a secret configured.
	 * @return true when at least one secret or token is set
	 */
	boolean hasCredentials() {
		return !this.sharedSecret.secrets().isEmpty() || !this.bearer.tokens().isEmpty()
				|| !this.hmac.secrets().isEmpty() || this.oauth2.usesIdentityProvider()
				|| this.oauth2.tokenEndpoint().enabled();
	}

	/**
	 * Whether requests are authenticated.
	 */
	public enum Mode {

		/** Every request to the webhook path must pass a configured scheme. */
		VERIFY,

		/** No authentication at all; logged loudly at startup and shown in health. */
		NONE

	}

	/**
	 * Vapi's legacy plain secret (serverUrlSecret, or a bearer credential with header
	 * X-Vapi-Secret and the prefix disabled).
	 *
	 * @param secrets the accepted secrets (current and previous, for rotation)
	 * @param headerNames the headers that may carry the secret
	 */
	public record SharedSecret(List<String> secrets, @DefaultValue( {
			"X-Vapi-Secret", "X-Vapi-Signature" }) @NotEmpty List<String> headerNames){

		public SharedSecret {
			secrets = nonBlank(secrets, "vapi.security.shared-secret.secrets");
			headerNames = List.copyOf(headerNames);
		}

		@Override
		public String toString() {
			return "SharedSecret[secrets=" + redacted(this.secrets) + ", headerNames=" + this.headerNames + "]";
		}

	}

	/**
	 * A bearer-token credential; the "Bearer " prefix is accepted with or without.
	 *
	 * @param tokens the accepted tokens (current and previous, for rotation)
	 * @param headerName the header carrying the token
	 */
	public record Bearer(List<String> tokens, @DefaultValue("Authorization") String headerName) {

		public Bearer {
			tokens = nonBlank(tokens, "vapi.security.bearer.tokens");
			if (headerName.isBlank()) {
				throw new IllegalArgumentException("vapi.security.bearer.header-name must not be blank");
			}
		}

		@Override
		public String toString() {
			return "Bearer[tokens=" + redacted(this.tokens) + ", headerName=" + this.headerName + "]";
		}

	}

	/**
	 * An HMAC credential, field for field Vapi's HmacAuthenticationPlan.
	 *
	 * @param secrets the accepted secret keys (current and previous, for rotation)
	 * @param algorithm the HMAC algorithm
	 * @param signatureHeader the header carrying the signature
	 * @param timestampHeader the header carrying the timestamp (epoch seconds or
	 * milliseconds)
	 * @param signaturePrefix a prefix before the signature, such as sha256=
	 * @param includeTimestamp whether Vapi sends a timestamp; it is then required and
	 * checked against the replay window
	 * @param payloadFormat the signed text: {body} (required), {timestamp}, {method},
	 * {url}, {svix-id}
	 * @param messageIdHeader the header carrying a unique message id; a repeated id
	 * inside the replay window is rejected
	 * @param signatureEncoding hex or base64
	 * @param secretIsBase64 whether the secrets are base64 and decoded before use
	 */
	public record Hmac(List<String> secrets, @DefaultValue("sha256") @NotNull HmacAlgorithm algorithm,
			@DefaultValue("x-signature") String signatureHeader, @DefaultValue("x-timestamp") String timestampHeader,
			@DefaultValue("") String signaturePrefix, @DefaultValue("true") boolean includeTimestamp,
			@DefaultValue(HmacPayload.DEFAULT_FORMAT) String payloadFormat, @Nullable String messageIdHeader,
			@DefaultValue("hex") @NotNull SignatureEncoding signatureEncoding,
			@DefaultValue("false") boolean secretIsBase64) {

		public Hmac {
			secrets = nonBlank(secrets, "vapi.security.hmac.secrets");
			if (secretIsBase64) {
				for (String secret : secrets) {
					decodeBase64(secret);
				}
			}
			if (messageIdHeader != null && messageIdHeader.isBlank()) {
				messageIdHeader = null;
			}
			HmacPayload.validate(payloadFormat, includeTimestamp, messageIdHeader != null);
		}

		@Override
		public String toString() {
			return "Hmac[secrets=" + redacted(this.secrets) + ", algorithm=" + this.algorithm + ", signatureHeader="
					+ this.signatureHeader + ", payloadFormat=" + this.payloadFormat + "]";
		}

		private static byte[] decodeBase64(String secret) {
			try {
				return Base64.getDecoder().decode(secret.trim());
			}
			catch (IllegalArgumentException ex) {
				throw new IllegalArgumentException(
						"vapi.security.hmac.secrets: a secret is not valid base64 although vapi.security.hmac.secret-is-base64 is true",
						ex);
			}
		}

		/**
		 * The key bytes of each secret.
		 * @return the keys, in configuration order
		 */
		List<byte[]> keys() {
			return this.secrets.stream().map(this::key).toList();
		}

		private byte[] key(String secret) {
			return this.secretIsBase64 ? decodeBase64(secret) : secret.getBytes(StandardCharsets.UTF_8);
		}

	}

	/**
	 * The optional source-IP allowlist.
	 *
	 * @param cidrs the allowed source ranges (Vapi's static range is 167.150.224.0/23);
	 * empty allows every source
	 * @param trustedProxies the proxies whose X-Forwarded-For, X-Forwarded-Proto,
	 * X-Forwarded-Host, X-Forwarded-Port and X-Forwarded-Prefix headers are believed
	 */
	public record IpAllowlist(List<String> cidrs, List<String> trustedProxies) {

		public IpAllowlist {
			cidrs = (cidrs != null) ? List.copyOf(cidrs) : List.of();
			trustedProxies = (trustedProxies != null) ? List.copyOf(trustedProxies) : List.of();
			cidrs.forEach((cidr) -> Cidr.parse(cidr, "vapi.security.ip-allowlist.cidrs"));
			trustedProxies.forEach((cidr) -> Cidr.parse(cidr, "vapi.security.ip-allowlist.trusted-proxies"));
		}

	}

	/**
	 * Exact repeats of an HMAC-signed request (the same signature inside the replay
	 * window, whether a captured request sent again or a Vapi retry of the same bytes)
	 * are answered with the first answer and not handled again. Only the HMAC scheme
	 * signs a request; a shared secret or bearer token identifies the sender, not the
	 * request.
	 *
	 * @param enabled whether repeats are recognised
	 * @param maxEntries the most signed requests remembered (each for twice the replay
	 * tolerance); the oldest are forgotten first
	 * @param maxStoredBytes the most bytes of first answers kept for repeats
	 */
	public record Replay(@DefaultValue("true") boolean enabled, @DefaultValue("10000") @Positive int maxEntries,
			@DefaultValue("4MB") @NotNull DataSize maxStoredBytes) {

	}

	/**
	 * Bearer tokens that are JWTs, the access tokens of Vapi's OAuth2 credential. They
	 * come from an identity provider (issuer-uri or jwk-set-uri), from the token endpoint
	 * of this server (token-endpoint.client-id), or from either.
	 *
	 * @param issuerUri the identity provider's issuer; required as the iss claim, and its
	 * keys are found through OpenID discovery on the first request unless jwk-set-uri is
	 * set
	 * @param jwkSetUri the URL of the identity provider's JWK set
	 * @param audiences the accepted audiences; the aud claim must hold at least one
	 * (required with an identity provider)
	 * @param scopes the scopes the token must all carry (scope or scp claim), the
	 * identity provider's and the token endpoint's; the token endpoint grants them when
	 * the request asks no scope
	 * @param jwsAlgorithms the accepted signature algorithms of the identity provider
	 * @param clockSkew how far exp and nbf may be off
	 * @param keyFetchTimeout the connect and read timeout of discovery and of the JWK set
	 * @param keyRefreshMinInterval the interval of the rate limit on fetching the JWK set
	 * again for a token whose key id is not in it: at most two fetches per interval, and
	 * a token with an unknown key id beyond them is refused without a fetch
	 * @param maxTokenSize the longest Authorization header that is parsed as a token
	 * @param tokenEndpoint the token endpoint this server serves itself
	 */
	public record OAuth2(@Nullable URI issuerUri, @Nullable URI jwkSetUri, List<String> audiences, List<String> scopes,
			@DefaultValue("RS256") @NotEmpty List<SignatureAlgorithm> jwsAlgorithms,
			@DefaultValue("60s") @NotNull Duration clockSkew, @DefaultValue("5s") @NotNull Duration keyFetchTimeout,
			@DefaultValue("30s") @NotNull Duration keyRefreshMinInterval,
			@DefaultValue("8KB") @NotNull DataSize maxTokenSize, @DefaultValue @Valid TokenEndpoint tokenEndpoint) {

		public OAuth2 {
			audiences = nonBlank(audiences, "vapi.security.oauth2.audiences");
			scopes = nonBlank(scopes, "vapi.security.oauth2.scopes");
			jwsAlgorithms = List.copyOf(jwsAlgorithms);
			absoluteHttpUrl(issuerUri, "vapi.security.oauth2.issuer-uri");
			absoluteHttpUrl(jwkSetUri, "vapi.security.oauth2.jwk-set-uri");
			boolean identityProvider = issuerUri != null || jwkSetUri != null;
			if (identityProvider && audiences.isEmpty()) {
				throw new IllegalArgumentException("vapi.security.oauth2.audiences must name at least one audience "
						+ "when vapi.security.oauth2.issuer-uri or jwk-set-uri is set");
			}
			if (!identityProvider && !audiences.isEmpty()) {
				throw new IllegalArgumentException("vapi.security.oauth2.audiences need "
						+ "vapi.security.oauth2.issuer-uri or vapi.security.oauth2.jwk-set-uri");
			}
			if (!identityProvider && !scopes.isEmpty() && (tokenEndpoint == null || !tokenEndpoint.enabled())) {
				throw new IllegalArgumentException("vapi.security.oauth2.scopes need vapi.security.oauth2.issuer-uri, "
						+ "jwk-set-uri or token-endpoint.client-id");
			}
			if (clockSkew.isNegative() || clockSkew.compareTo(Duration.ofMinutes(5)) > 0) {
				throw new IllegalArgumentException("vapi.security.oauth2.clock-skew must lie between 0 and 5m");
			}
			if (keyFetchTimeout.isNegative() || keyFetchTimeout.isZero()) {
				throw new IllegalArgumentException("vapi.security.oauth2.key-fetch-timeout must be positive");
			}
			if (keyRefreshMinInterval.toMillis() < 1 || keyRefreshMinInterval.compareTo(Duration.ofHours(1)) > 0) {
				throw new IllegalArgumentException(
						"vapi.security.oauth2.key-refresh-min-interval must lie between 1ms and 1h");
			}
			if (maxTokenSize.toBytes() < 256) {
				throw new IllegalArgumentException("vapi.security.oauth2.max-token-size must be at least 256B");
			}
		}

		/**
		 * Whether tokens of an identity provider are accepted.
		 * @return true when issuer-uri or jwk-set-uri is set
		 */
		boolean usesIdentityProvider() {
			return this.issuerUri != null || this.jwkSetUri != null;
		}

		private static void absoluteHttpUrl(@Nullable URI uri, String property) {
			if (uri != null && (uri.getHost() == null
					|| !("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme())))) {
				throw new IllegalArgumentException(property + " must be an absolute http(s) URL");
			}
		}

	}

	/**
	 * The token endpoint this server serves for Vapi's OAuth2 credential (the
	 * client-credentials grant), when no identity provider issues the tokens. It is on
	 * when client-id is set.
	 *
	 * @param path the path of the endpoint (POST, form-encoded)
	 * @param clientId the client id of the Vapi credential
	 * @param clientSecrets the accepted client secrets (current and previous, for
	 * rotation)
	 * @param signingSecret the secret the tokens are signed with (HS256 over a key
	 * derived from it), at least 32 bytes; every instance needs the same one
	 * @param tokenLifetime how long an issued token is valid
	 * @param maxRequestSize the largest token request body read
	 */
	public record TokenEndpoint(@DefaultValue("/vapi/oauth/token") String path, @Nullable String clientId,
			List<String> clientSecrets, @Nullable String signingSecret,
			@DefaultValue("10m") @NotNull Duration tokenLifetime,
			@DefaultValue("4KB") @NotNull DataSize maxRequestSize) {

		private static final String PREFIX = "vapi.security.oauth2.token-endpoint.";

		public TokenEndpoint {
			clientSecrets = nonBlank(clientSecrets, PREFIX + "client-secrets");
			if (clientId != null && clientId.isBlank()) {
				clientId = null;
			}
			if (signingSecret != null && signingSecret.isBlank()) {
				signingSecret = null;
			}
			if (clientId == null && (!clientSecrets.isEmpty() || signingSecret != null)) {
				throw new IllegalArgumentException(
						PREFIX + "client-id is required when client-secrets " + "or signing-secret is set");
			}
			if (clientId != null) {
				checkEnabled(path, clientSecrets, signingSecret, tokenLifetime, maxRequestSize);
			}
		}

		private static void checkEnabled(String path, List<String> clientSecrets, @Nullable String signingSecret,
				Duration tokenLifetime, DataSize maxRequestSize) {
			if (!path.startsWith("/") || path.contains("*")) {
				throw new IllegalArgumentException(PREFIX + "path must start with / and hold no wildcard");
			}
			if (clientSecrets.isEmpty()) {
				throw new IllegalArgumentException(PREFIX + "client-secrets must hold at least one secret");
			}
			if (signingSecret == null || signingSecret.getBytes(StandardCharsets.UTF_8).length < 32) {
				throw new IllegalArgumentException(PREFIX + "signing-secret must be at least 32 bytes long");
			}
			if (clientSecrets.contains(signingSecret)) {
				throw new IllegalArgumentException(PREFIX + "signing-secret must differ from the client secrets");
			}
			if (tokenLifetime.compareTo(Duration.ofMinutes(1)) < 0 || tokenLifetime.compareTo(Duration.ofDays(1)) > 0) {
				throw new IllegalArgumentException(PREFIX + "token-lifetime must lie between 1m and 1d");
			}
			if (maxRequestSize.toBytes() < 256) {
				throw new IllegalArgumentException(PREFIX + "max-request-size must be at least 256B");
			}
		}

		/**
		 * Whether the endpoint is served.
		 * @return true when a client id is configured
		 */
		boolean enabled() {
			return this.clientId != null;
		}

		@Override
		public String toString() {
			return "TokenEndpoint[path=" + this.path + ", clientId=" + this.clientId + ", clientSecrets="
					+ redacted(this.clientSecrets) + ", tokenLifetime=" + this.tokenLifetime + "]";
		}

	}

	private static String redacted(List<String> secrets) {
		return "[" + secrets.size() + " redacted]";
	}

	private static List<String> nonBlank(@Nullable List<String> values, String property) {
		if (values == null) {
			return List.of();
		}
		if (values.stream().anyMatch((value) -> value == null || value.isBlank())) {
			throw new IllegalArgumentException(property + " must not contain blank values");
		}
		return List.copyOf(values);
	}

}

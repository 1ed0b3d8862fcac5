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
 */
@Validated
@ConfigurationProperties("vapi.security")
public record SecurityProperties(@DefaultValue("verify") @NotNull Mode mode,
		@DefaultValue @Valid SharedSecret sharedSecret, @DefaultValue @Valid Bearer bearer,
		@DefaultValue @Valid Hmac hmac, @DefaultValue("5m") @NotNull Duration replayTolerance,
		@DefaultValue @Valid IpAllowlist ipAllowlist, @Nullable URI publicBaseUrl, @DefaultValue @Valid Replay replay) {

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
				|| !this.hmac.secrets().isEmpty();
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

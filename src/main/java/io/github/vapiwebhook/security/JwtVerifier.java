package io.github.vapiwebhook.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoderInitializationException;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * A bearer token that is a JWT (Vapi's OAuth2 credential): the token in
 * {@code Authorization: Bearer}, checked by a {@link JwtDecoder} of Spring Security's
 * resource server (signature against the issuer's keys, then the claims). The length of
 * the header is bounded before anything is parsed.
 */
final class JwtVerifier implements CredentialVerifier {

	private static final Logger logger = LoggerFactory.getLogger(JwtVerifier.class);

	private static final String HEADER = "Authorization";

	private static final String PREFIX = "bearer ";

	private final String scheme;

	private final JwtDecoder decoder;

	private final long maxTokenSize;

	/**
	 * Creates the verifier.
	 * @param scheme the scheme name shown in health and info
	 * @param decoder decodes and validates a token, throwing {@link JwtException} when it
	 * is refused
	 * @param maxTokenSize the longest header value that is parsed
	 */
	JwtVerifier(String scheme, JwtDecoder decoder, long maxTokenSize) {
		this.scheme = scheme;
		this.decoder = decoder;
		this.maxTokenSize = maxTokenSize;
	}

	@Override
	public Verdict verify(VerificationRequest request) {
		String value = request.header(HEADER);
		if (value == null || !value.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
			return new Verdict.Refused(RejectionReason.MISSING_CREDENTIAL);
		}
		if (value.length() > this.maxTokenSize) {
			return new Verdict.Refused(RejectionReason.BAD_TOKEN);
		}
		try {
			this.decoder.decode(value.substring(PREFIX.length()).trim());
			return Verdict.ACCEPTED;
		}
		catch (BadJwtException ex) {
			// the library's reason (expired, audience, no matching key, ...), never the
			// token
			logger.debug("Refused a token ({}): {}", this.scheme, ex.getMessage());
			return new Verdict.Refused(RejectionReason.BAD_TOKEN);
		}
		catch (JwtException | JwtDecoderInitializationException ex) {
			logger.debug("Could not fetch the keys to check a token ({})", this.scheme, ex);
			return new Verdict.Refused(RejectionReason.KEYS_UNAVAILABLE);
		}
	}

	@Override
	public String scheme() {
		return this.scheme;
	}

}

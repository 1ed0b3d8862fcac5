package io.github.vapiwebhook.security;

import java.util.List;

/**
 * A bearer-token credential: the token in a configurable header, with or without the
 * {@code Bearer } prefix (Vapi's {@code bearerPrefixEnabled}).
 */
final class BearerTokenVerifier implements CredentialVerifier {

	private static final String PREFIX = "bearer ";

	private final ConstantTimeSecrets tokens;

	private final String headerName;

	BearerTokenVerifier(List<String> tokens, String headerName) {
		this.tokens = new ConstantTimeSecrets(tokens);
		this.headerName = headerName;
	}

	@Override
	public Verdict verify(VerificationRequest request) {
		String value = request.header(this.headerName);
		if (value == null) {
			return new Verdict.Refused(RejectionReason.MISSING_CREDENTIAL);
		}
		String token = value.regionMatches(true, 0, PREFIX, 0, PREFIX.length())
				? value.substring(PREFIX.length()).trim() : value.trim();
		return this.tokens.matches(token) ? Verdict.ACCEPTED : new Verdict.Refused(RejectionReason.BAD_CREDENTIAL);
	}

	@Override
	public String scheme() {
		return "bearer";
	}

}

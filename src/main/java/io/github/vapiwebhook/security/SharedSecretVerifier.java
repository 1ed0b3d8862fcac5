package io.github.vapiwebhook.security;

import java.util.List;

/**
 * Vapi's legacy plain secret: the raw secret in {@code X-Vapi-Secret} (or
 * {@code X-Vapi-Signature}, as Vapi's 2025 docs named it).
 */
final class SharedSecretVerifier implements CredentialVerifier {

	private final ConstantTimeSecrets secrets;

	private final List<String> headerNames;

	SharedSecretVerifier(List<String> secrets, List<String> headerNames) {
		this.secrets = new ConstantTimeSecrets(secrets);
		this.headerNames = List.copyOf(headerNames);
	}

	@Override
	public Verdict verify(VerificationRequest request) {
		boolean present = false;
		boolean matched = false;
		for (String name : this.headerNames) {
			String value = request.header(name);
			if (value != null) {
				present = true;
				matched |= this.secrets.matches(value);
			}
		}
		if (matched) {
			return Verdict.ACCEPTED;
		}
		return new Verdict.Refused(present ? RejectionReason.BAD_CREDENTIAL : RejectionReason.MISSING_CREDENTIAL);
	}

	@Override
	public String scheme() {
		return "shared-secret";
	}

}

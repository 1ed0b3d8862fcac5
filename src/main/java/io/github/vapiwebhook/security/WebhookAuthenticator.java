package io.github.vapiwebhook.security;

import java.net.InetAddress;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Decides on a request from its headers and source address, before its body is read: the
 * source address must be on the allowlist (when one is configured) and any configured
 * scheme must accept the request. A scheme that needs the body (an HMAC signature) makes
 * the decision wait for it, unless another scheme accepts at once. When all refuse, the
 * most specific reason is reported.
 */
final class WebhookAuthenticator {

	private final List<CredentialVerifier> verifiers;

	private final List<Cidr> allowlist;

	WebhookAuthenticator(List<CredentialVerifier> verifiers, List<Cidr> allowlist) {
		if (verifiers.isEmpty()) {
			throw new IllegalArgumentException("At least one scheme is required");
		}
		this.verifiers = List.copyOf(verifiers);
		this.allowlist = List.copyOf(allowlist);
	}

	/**
	 * Checks a request before its body is read.
	 * @param request the request
	 * @return accepted, refused with the most specific reason, or pending a signature
	 * over the body
	 */
	Verdict authenticate(VerificationRequest request) {
		if (!allowed(request.clientAddress())) {
			return new Verdict.Refused(RejectionReason.IP_DENIED);
		}
		RejectionReason worst = RejectionReason.MISSING_CREDENTIAL;
		Verdict.NeedsBody pending = null;
		for (CredentialVerifier verifier : this.verifiers) {
			Verdict verdict = verifier.verify(request);
			if (verdict instanceof Verdict.Accepted) {
				return verdict;
			}
			if (verdict instanceof Verdict.NeedsBody needsBody && pending == null) {
				pending = needsBody;
			}
			else if (verdict instanceof Verdict.Refused refused && refused.reason().compareTo(worst) > 0) {
				worst = refused.reason();
			}
		}
		return (pending != null) ? pending : new Verdict.Refused(worst);
	}

	private boolean allowed(@Nullable InetAddress address) {
		if (this.allowlist.isEmpty()) {
			return true;
		}
		return address != null && this.allowlist.stream().anyMatch((cidr) -> cidr.contains(address));
	}

	/**
	 * Whether a verifier reads the public URL of the request.
	 * @return {@code true} when the URL must be reconstructed for each request
	 */
	boolean usesUrl() {
		return this.verifiers.stream().anyMatch(CredentialVerifier::usesUrl);
	}

	/**
	 * Whether the source address is checked against an allowlist.
	 * @return {@code true} when the client address must be resolved for each request
	 */
	boolean usesClientAddress() {
		return !this.allowlist.isEmpty();
	}

	List<String> schemes() {
		return this.verifiers.stream().map(CredentialVerifier::scheme).toList();
	}

}

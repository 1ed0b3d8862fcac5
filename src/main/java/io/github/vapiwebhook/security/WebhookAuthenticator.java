package io.github.vapiwebhook.security;

import java.net.InetAddress;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * Decides on a request: the source address must be on the allowlist (when one is
 * configured) and any configured scheme must accept the request. When all refuse, the
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
	 * Checks a request.
	 * @param request the request
	 * @return empty when accepted, otherwise why it is refused
	 */
	Optional<RejectionReason> authenticate(VerificationRequest request) {
		if (!allowed(request.clientAddress())) {
			return Optional.of(RejectionReason.IP_DENIED);
		}
		RejectionReason worst = RejectionReason.MISSING_CREDENTIAL;
		for (CredentialVerifier verifier : this.verifiers) {
			Optional<RejectionReason> rejection = verifier.verify(request);
			if (rejection.isEmpty()) {
				return rejection;
			}
			if (rejection.get().compareTo(worst) > 0) {
				worst = rejection.get();
			}
		}
		return Optional.of(worst);
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

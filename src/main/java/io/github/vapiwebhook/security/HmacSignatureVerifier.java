package io.github.vapiwebhook.security;

import java.security.MessageDigest;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import javax.crypto.Mac;

import io.github.vapiwebhook.security.SecurityProperties.Hmac;
import org.jspecify.annotations.Nullable;

/**
 * Vapi's HMAC authentication plan: the signature header holds the HMAC of the payload
 * format filled in with the exact raw body bytes, compared in constant time against each
 * configured key; the timestamp must lie inside the replay window and a message id may
 * not repeat.
 */
final class HmacSignatureVerifier implements CredentialVerifier {

	private static final int MESSAGE_ID_CAPACITY = 100_000;

	private final Hmac plan;

	private final List<byte[]> keys;

	/**
	 * One initialised MAC per key, cloned for each request (initialising hashes the key).
	 */
	private final List<Mac> macs;

	private final HmacPayload payload;

	private final ReplayWindow window;

	private final MessageIdCache seenIds = new MessageIdCache(MESSAGE_ID_CAPACITY);

	HmacSignatureVerifier(Hmac plan, ReplayWindow window) {
		if (plan.secrets().isEmpty()) {
			throw new IllegalArgumentException("vapi.security.hmac.secrets must not be empty");
		}
		this.plan = plan;
		this.keys = plan.keys();
		this.macs = this.keys.stream().map(plan.algorithm()::newMac).toList();
		this.payload = HmacPayload.of(plan.payloadFormat(), plan.includeTimestamp());
		this.window = window;
	}

	@Override
	public Optional<RejectionReason> verify(VerificationRequest request) {
		String signature = request.header(this.plan.signatureHeader());
		String timestamp = this.plan.includeTimestamp() ? request.header(this.plan.timestampHeader()) : "";
		String messageId = (this.plan.messageIdHeader() != null) ? request.header(this.plan.messageIdHeader()) : "";
		if (signature == null || timestamp == null || messageId == null) {
			return Optional.of(RejectionReason.MISSING_CREDENTIAL);
		}
		byte[] expected = decode(signature);
		if (expected == null || !matchesAnyKey(expected, request, timestamp, messageId)) {
			return Optional.of(RejectionReason.BAD_SIGNATURE);
		}
		if (this.plan.includeTimestamp()) {
			Optional<Instant> instant = this.window.parse(timestamp);
			if (instant.isEmpty()) {
				return Optional.of(RejectionReason.BAD_TIMESTAMP);
			}
			if (!this.window.contains(instant.get())) {
				return Optional.of(RejectionReason.STALE_TIMESTAMP);
			}
		}
		if (!messageId.isEmpty() && !firstSeen(messageId)) {
			return Optional.of(RejectionReason.DUPLICATE_MESSAGE);
		}
		return Optional.empty();
	}

	private byte @Nullable [] decode(String header) {
		String value = header.trim();
		String prefix = this.plan.signaturePrefix();
		if (!prefix.isEmpty()) {
			if (!value.regionMatches(true, 0, prefix, 0, prefix.length())) {
				return null;
			}
			value = value.substring(prefix.length());
		}
		try {
			return this.plan.signatureEncoding().decode(value);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private boolean matchesAnyKey(byte[] signature, VerificationRequest request, String timestamp, String messageId) {
		HmacPayload.Values values = new HmacPayload.Values(request.body(), timestamp, request.method(), request.url(),
				messageId);
		boolean matched = false;
		for (int i = 0; i < this.macs.size(); i++) {
			matched |= MessageDigest.isEqual(this.payload.mac(macFor(i), values), signature);
		}
		return matched;
	}

	private Mac macFor(int keyIndex) {
		try {
			return (Mac) this.macs.get(keyIndex).clone();
		}
		catch (CloneNotSupportedException ex) {
			// a provider whose MACs cannot be cloned: initialise a new one
			return this.plan.algorithm().newMac(this.keys.get(keyIndex));
		}
	}

	private boolean firstSeen(String messageId) {
		Instant now = this.window.now();
		// a replay stays inside the window for at most twice the tolerance
		Instant expiry = now.plus(this.window.tolerance().multipliedBy(2));
		return this.seenIds.firstSeen(messageId, now, expiry);
	}

	@Override
	public boolean usesUrl() {
		return this.payload.usesUrl();
	}

	@Override
	public String scheme() {
		return "hmac";
	}

}

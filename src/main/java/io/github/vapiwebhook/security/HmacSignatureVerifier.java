package io.github.vapiwebhook.security;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import javax.crypto.Mac;

import io.github.vapiwebhook.security.SecurityProperties.Hmac;
import org.jspecify.annotations.Nullable;

/**
 * Vapi's HMAC authentication plan. From the headers: the signature must be present and
 * well-formed, and the timestamp must lie inside the replay window; only then is the body
 * read, through a {@link BodySignature} that computes the HMAC of the payload format as
 * the bytes arrive and compares it in constant time against each configured key.
 */
final class HmacSignatureVerifier implements CredentialVerifier {

	private final Hmac plan;

	private final List<byte[]> keys;

	/**
	 * One initialised MAC per key, cloned for each request (initialising hashes the key).
	 */
	private final List<Mac> macs;

	private final HmacPayload payload;

	private final ReplayWindow window;

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
	public Verdict verify(VerificationRequest request) {
		String signature = request.header(this.plan.signatureHeader());
		String timestamp = this.plan.includeTimestamp() ? request.header(this.plan.timestampHeader()) : "";
		String messageId = (this.plan.messageIdHeader() != null) ? request.header(this.plan.messageIdHeader()) : "";
		if (signature == null || timestamp == null || messageId == null) {
			return new Verdict.Refused(RejectionReason.MISSING_CREDENTIAL);
		}
		byte[] expected = decode(signature);
		if (expected == null || expected.length != this.plan.algorithm().macLength()) {
			return new Verdict.Refused(RejectionReason.BAD_SIGNATURE);
		}
		if (this.plan.includeTimestamp()) {
			Optional<Instant> instant = this.window.parse(timestamp);
			if (instant.isEmpty()) {
				return new Verdict.Refused(RejectionReason.BAD_TIMESTAMP);
			}
			if (!this.window.contains(instant.get())) {
				return new Verdict.Refused(RejectionReason.STALE_TIMESTAMP);
			}
		}
		HmacPayload.Values values = new HmacPayload.Values(timestamp, request.method(), request.url(), messageId);
		return new Verdict.NeedsBody(new BodySignature(expected, this.payload.start(freshMacs(), values),
				messageId.isEmpty() ? null : messageId));
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

	private List<Mac> freshMacs() {
		return java.util.stream.IntStream.range(0, this.macs.size()).mapToObj(this::macFor).toList();
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

	@Override
	public boolean usesUrl() {
		return this.payload.usesUrl();
	}

	@Override
	public String scheme() {
		return "hmac";
	}

}

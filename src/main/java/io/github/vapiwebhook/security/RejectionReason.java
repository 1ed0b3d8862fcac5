package io.github.vapiwebhook.security;

/**
 * Why a request was refused, as logged and counted. Later constants are more specific:
 * when every scheme refuses, the most specific reason is reported.
 */
enum RejectionReason {

	/** No configured scheme found its header in the request. */
	MISSING_CREDENTIAL("missing_credential"),

	/** A shared secret or bearer token was present but matched none configured. */
	BAD_CREDENTIAL("bad_credential"),

	/**
	 * A bearer token was not a valid JWT of a configured issuer: malformed, too long,
	 * unsigned, signed with an unknown key or algorithm, expired, not yet valid, or for
	 * another issuer, audience or scope.
	 */
	BAD_TOKEN("bad_token"),

	/** The keys to check a JWT could not be fetched from the identity provider. */
	KEYS_UNAVAILABLE("keys_unavailable"),

	/** An HMAC signature was present but did not match. */
	BAD_SIGNATURE("bad_signature"),

	/** The HMAC timestamp could not be read. */
	BAD_TIMESTAMP("bad_timestamp"),

	/** The HMAC timestamp lies outside the replay window. */
	STALE_TIMESTAMP("stale_timestamp"),

	/** The message id was already seen inside the replay window. */
	DUPLICATE_MESSAGE("duplicate_message"),

	/** The source address is not on the allowlist. */
	IP_DENIED("ip_denied");

	private final String tag;

	RejectionReason(String tag) {
		this.tag = tag;
	}

	/**
	 * The low-cardinality name used in logs and as the metric tag.
	 * @return the tag value
	 */
	String tag() {
		return this.tag;
	}

}

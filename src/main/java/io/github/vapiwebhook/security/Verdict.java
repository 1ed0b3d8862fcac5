package io.github.vapiwebhook.security;

/**
 * What a credential verifier decides from the headers of a request, before any body byte
 * is read: accepted, refused, or (for an HMAC signature) undecided until the body has
 * been read through the pending signature.
 */
sealed interface Verdict permits Verdict.Accepted, Verdict.Refused, Verdict.NeedsBody {

	/** The request is accepted. */
	Verdict ACCEPTED = new Accepted();

	/**
	 * Accepted from the headers.
	 */
	record Accepted() implements Verdict {
	}

	/**
	 * Refused from the headers.
	 *
	 * @param reason why
	 */
	record Refused(RejectionReason reason) implements Verdict {
	}

	/**
	 * Decided by a signature over the body, computed as the body arrives.
	 *
	 * @param signature the pending signature
	 */
	record NeedsBody(BodySignature signature) implements Verdict {
	}

}

package io.github.vapiwebhook.calls;

/**
 * The transcript of a call, as {@code GET /api/calls/{id}/transcript} answers it in JSON.
 *
 * @param callId the call id
 * @param transcript the transcript, as lines of {@code AI: ...} and {@code User: ...}
 */
record CallTranscript(String callId, String transcript) {

	/**
	 * Describes this object without the conversation.
	 * @return a redacted description
	 */
	@Override
	public String toString() {
		return "CallTranscript[callId=" + this.callId + ", transcript redacted]";
	}

}

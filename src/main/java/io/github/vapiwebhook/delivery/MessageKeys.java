package io.github.vapiwebhook.delivery;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import io.github.vapiwebhook.message.EndOfCallReportMessage;
import io.github.vapiwebhook.message.ServerMessage;
import io.github.vapiwebhook.message.StatusUpdateMessage;
import org.jspecify.annotations.Nullable;

/**
 * The key that identifies a message whatever its bytes, so that a repeat is recognised: a
 * Vapi retry of an end-of-call report is re-signed and carries fresh presigned URLs, yet
 * it is the same report. End-of-call reports are keyed by call id, status updates by call
 * id and status; other messages have no such key.
 */
final class MessageKeys {

	private static final int LONGEST_PLAIN_KEY = 200;

	/**
	 * The key of a message.
	 * @param message the message
	 * @return its key, or {@code null} when it has none (another type, or no call id)
	 */
	@Nullable String keyOf(ServerMessage message) {
		String callId = message.callId();
		if (callId == null || callId.isBlank()) {
			return null;
		}
		if (message instanceof EndOfCallReportMessage) {
			return bounded("end-of-call-report:" + callId);
		}
		if (message instanceof StatusUpdateMessage update && update.status() != null) {
			return bounded("status-update:" + callId + ":" + update.status());
		}
		return null;
	}

	// call ids are short; a long one (from the sender) is stored as its hash
	private static String bounded(String key) {
		if (key.length() <= LONGEST_PLAIN_KEY) {
			return key;
		}
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
			return "sha256:" + HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java platform has SHA-256", ex);
		}
	}

}

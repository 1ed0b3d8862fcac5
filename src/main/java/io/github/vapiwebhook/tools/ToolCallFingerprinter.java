package io.github.vapiwebhook.tools;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Computes the fingerprint that a tool call's run is stored with: SHA-256 (in hex) over
 * the tool name and the arguments written as JSON with the properties of every object
 * sorted, so that the same arguments in another property order, or sent as a JSON string
 * instead of an object, give the same fingerprint. It is short and holds no argument
 * values, so a store may keep it anywhere.
 */
class ToolCallFingerprinter {

	// A mapper of its own, not the application's: the fingerprint must not change with
	// the application's serialisation settings, and stores may be shared by instances.
	private final JsonMapper canonical = JsonMapper.builder()
		.enable(JsonNodeFeature.WRITE_PROPERTIES_SORTED)
		.enable(JsonNodeFeature.WRITE_NULL_PROPERTIES)
		.build();

	/**
	 * The fingerprint of a tool call.
	 * @param toolName the tool name
	 * @param arguments the arguments, as read by {@link ToolArguments}
	 * @return 64 hex digits
	 */
	String fingerprint(String toolName, ObjectNode arguments) {
		MessageDigest digest = sha256();
		// Tool names cannot hold a line break, so name and arguments cannot run together.
		digest.update(toolName.getBytes(StandardCharsets.UTF_8));
		digest.update((byte) '\n');
		digest.update(this.canonical.writeValueAsBytes(arguments));
		return HexFormat.of().formatHex(digest.digest());
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java platform has SHA-256", ex);
		}
	}

}

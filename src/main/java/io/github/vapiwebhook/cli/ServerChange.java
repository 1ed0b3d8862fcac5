package io.github.vapiwebhook.cli;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code server} object of an assistant or phone number, before and after
 * {@code connect}: the url, timeout and credential are set, everything else (a backoff
 * plan, headers) is kept.
 *
 * @param before the server object as it is (empty when there is none)
 * @param after the server object as it will be
 */
record ServerChange(ObjectNode before, ObjectNode after) {

	static final int DEFAULT_TIMEOUT_SECONDS = 20;

	private static final String MASK = "********";

	/**
	 * The change that points a server object at the webhook.
	 * @param current the current server object, missing or null when there is none
	 * @param url the webhook URL
	 * @param timeoutSeconds the timeout to set, or {@code null} to keep the current one
	 * (Vapi's default, 20 s, when there is none)
	 * @param credentialId the credential to set, or {@code null} to keep the current one
	 */
	static ServerChange of(JsonNode current, String url, @Nullable Integer timeoutSeconds,
			@Nullable String credentialId) {
		ObjectNode before = current.isObject() ? ((ObjectNode) current).deepCopy()
				: JsonNodeFactory.instance.objectNode();
		ObjectNode after = before.deepCopy();
		after.put("url", url);
		if (timeoutSeconds != null) {
			after.put("timeoutSeconds", timeoutSeconds);
		}
		else if (!after.has("timeoutSeconds")) {
			after.put("timeoutSeconds", DEFAULT_TIMEOUT_SECONDS);
		}
		if (credentialId != null) {
			after.put("credentialId", credentialId);
		}
		return new ServerChange(before, after);
	}

	/**
	 * A server object for printing: header values (which may carry secrets) masked.
	 */
	static ObjectNode masked(ObjectNode server) {
		ObjectNode copy = server.deepCopy();
		if (copy.get("headers") instanceof ObjectNode headers) {
			headers.propertyNames().forEach((name) -> headers.put(name, MASK));
		}
		return copy;
	}

}

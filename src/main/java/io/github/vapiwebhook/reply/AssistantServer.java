package io.github.vapiwebhook.reply;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Where Vapi sends the server messages of a transient assistant's calls: Vapi's
 * {@code Server} object. It takes precedence over the phone number's and the
 * organisation's server URL. Built by {@link TransientAssistantBuilder}.
 *
 * @param url the absolute http or https URL, such as this server's webhook path
 * @param timeoutSeconds how long Vapi waits for an answer, 1 to 300 (Vapi's default 20)
 * @param credentialId the Vapi credential that authenticates the requests
 * @param fields any other field of the server object (for example {@code headers} or
 * {@code backoffPlan})
 */
public record AssistantServer(String url, @Nullable Integer timeoutSeconds, @Nullable String credentialId,
		PassThroughFields fields) {

	public AssistantServer {
		requireAbsoluteHttpUrl(url);
		if (timeoutSeconds != null && (timeoutSeconds < 1 || timeoutSeconds > 300)) {
			throw new IllegalArgumentException(
					"The server's timeoutSeconds must be between 1 and 300; got " + timeoutSeconds);
		}
		if (credentialId != null && credentialId.isBlank()) {
			throw new IllegalArgumentException("The server's credential id is blank; leave it out instead");
		}
		List<String> typed = new ArrayList<>(List.of("url"));
		if (timeoutSeconds != null) {
			typed.add("timeoutSeconds");
		}
		if (credentialId != null) {
			typed.add("credentialId");
		}
		fields.requireNoneOf("server", typed);
	}

	private static void requireAbsoluteHttpUrl(@Nullable String url) {
		// The URL is not repeated in the message: it may carry a token in its query.
		String problem = "The server URL must be an absolute http or https URL";
		if (url == null) {
			throw new IllegalArgumentException(problem);
		}
		try {
			URI uri = new URI(url);
			if (!("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))
					|| uri.getHost() == null) {
				throw new IllegalArgumentException(problem);
			}
		}
		catch (URISyntaxException ex) {
			throw new IllegalArgumentException(problem, ex);
		}
	}

	/**
	 * The server object as Vapi reads it.
	 * @return a new JSON object
	 */
	public ObjectNode toJson() {
		ObjectNode json = JsonNodeFactory.instance.objectNode().put("url", this.url);
		PassThroughFields.putIfPresent(json, "timeoutSeconds", this.timeoutSeconds);
		PassThroughFields.putIfPresent(json, "credentialId", this.credentialId);
		return this.fields.writeTo(json);
	}

}

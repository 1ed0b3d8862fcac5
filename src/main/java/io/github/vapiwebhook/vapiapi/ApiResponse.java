package io.github.vapiwebhook.vapiapi;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Vapi's answer to one attempt of a call.
 *
 * @param status the HTTP status
 * @param retryAfter the Retry-After header, or {@code null}
 * @param body the body text
 */
record ApiResponse(int status, @Nullable String retryAfter, String body) {

	private static final int MAX_DETAIL = 500;

	boolean successful() {
		return this.status >= 200 && this.status < 300;
	}

	/**
	 * The failure this answer means, with a message that says what was wrong, including
	 * Vapi's own validation message where it sends one.
	 */
	VapiApiException error(ApiRequest request, JsonMapper json) {
		String detail = detail(json);
		String message = switch (this.status) {
			case 401 -> "Vapi rejected the API key (401 Unauthorized): set VAPI_API_KEY to the private key"
					+ " of your organisation (Dashboard > Organization > API Keys), not the public one";
			case 403 -> "Vapi refused access to " + request.subject() + " (403 Forbidden): the API key may not use it"
					+ suffix(detail);
			case 404 -> "Vapi has no " + request.subject() + " (404 Not Found): check the id and the organisation"
					+ " of the API key";
			case 400, 422 -> "Vapi refused " + request.subject() + " (" + this.status + "): "
					+ ((detail != null) ? detail : "no reason given");
			case 429 -> "Vapi's API is rate-limiting this key (429) and still was after the retries";
			default -> "Vapi's API answered " + this.status + " to " + request + suffix(detail);
		};
		return new VapiApiException(message, this.status);
	}

	private static String suffix(@Nullable String detail) {
		return (detail != null) ? ": " + detail : "";
	}

	// Vapi's error body: {"message": "..." or ["...", ...], "error", "statusCode"}
	private @Nullable String detail(JsonMapper json) {
		if (this.body.isBlank()) {
			return null;
		}
		try {
			JsonNode message = json.readTree(this.body).path("message");
			if (message.isArray()) {
				StringBuilder joined = new StringBuilder();
				message.forEach((item) -> joined.append((joined.length() > 0) ? "; " : "").append(item.asString()));
				return shorten(joined.toString());
			}
			if (message.isString()) {
				return shorten(message.asString());
			}
		}
		catch (JacksonException ex) {
			// not JSON: the text itself is the best description there is
		}
		return shorten(this.body.strip());
	}

	private static String shorten(String text) {
		return (text.length() > MAX_DETAIL) ? text.substring(0, MAX_DETAIL) + "..." : text;
	}

}

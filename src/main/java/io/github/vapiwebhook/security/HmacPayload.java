package io.github.vapiwebhook.security;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.Mac;

/**
 * The text an HMAC is computed over, built from a payload format such as
 * {@code {timestamp}.{body}}. The body goes in as its exact bytes, never re-encoded.
 */
final class HmacPayload {

	static final String DEFAULT_FORMAT = "{timestamp}.{body}";

	private static final String PROPERTY = "vapi.security.hmac.payload-format";

	private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z-]+)}");

	private static final List<String> KNOWN = List.of("timestamp", "body", "method", "url", "svix-id");

	private final List<String> parts;

	private HmacPayload(List<String> parts) {
		this.parts = parts;
	}

	/**
	 * The payload of an HMAC plan. Without a timestamp, the default format means
	 * {@code {body}} alone.
	 */
	static HmacPayload of(String format, boolean includeTimestamp) {
		validate(format, includeTimestamp, true);
		String effective = (!includeTimestamp && DEFAULT_FORMAT.equals(format)) ? "{body}" : format;
		List<String> parts = new ArrayList<>();
		Matcher matcher = PLACEHOLDER.matcher(effective);
		int last = 0;
		while (matcher.find()) {
			parts.add(effective.substring(last, matcher.start()));
			parts.add(matcher.group());
			last = matcher.end();
		}
		parts.add(effective.substring(last));
		return new HmacPayload(List.copyOf(parts));
	}

	/**
	 * Checks a payload format, naming the property in the message.
	 * @throws IllegalArgumentException when the format cannot be used
	 */
	static void validate(String format, boolean includeTimestamp, boolean hasMessageId) {
		if (!format.contains("{body}")) {
			throw new IllegalArgumentException(PROPERTY + " must contain {body}, but is '" + format + "'");
		}
		Matcher matcher = PLACEHOLDER.matcher(format);
		while (matcher.find()) {
			if (!KNOWN.contains(matcher.group(1))) {
				throw new IllegalArgumentException(PROPERTY + " has an unknown placeholder " + matcher.group()
						+ " (known: {timestamp}, {body}, {method}, {url}, {svix-id})");
			}
		}
		if (!includeTimestamp && format.contains("{timestamp}") && !DEFAULT_FORMAT.equals(format)) {
			throw new IllegalArgumentException(
					PROPERTY + " uses {timestamp} but vapi.security.hmac.include-timestamp is false");
		}
		if (!hasMessageId && format.contains("{svix-id}")) {
			throw new IllegalArgumentException(
					PROPERTY + " uses {svix-id} but vapi.security.hmac.message-id-header is not set");
		}
	}

	boolean usesUrl() {
		return this.parts.contains("{url}");
	}

	/**
	 * Computes the MAC of the payload by feeding its parts to the MAC in order, without
	 * copying the body into a payload buffer first.
	 * @param mac a MAC initialised with the key, used up by this call
	 * @param values what the placeholders stand for
	 * @return the MAC
	 */
	byte[] mac(Mac mac, Values values) {
		for (String part : this.parts) {
			if ("{body}".equals(part)) {
				mac.update(values.body());
			}
			else if (!part.isEmpty()) {
				mac.update(text(part, values).getBytes(StandardCharsets.UTF_8));
			}
		}
		return mac.doFinal();
	}

	private static String text(String part, Values values) {
		return switch (part) {
			case "{timestamp}" -> values.timestamp();
			case "{method}" -> values.method();
			case "{url}" -> values.url();
			case "{svix-id}" -> values.messageId();
			default -> part;
		};
	}

	/**
	 * What the placeholders stand for in one request.
	 *
	 * @param body the raw body bytes
	 * @param timestamp the timestamp header value, empty when absent
	 * @param method the HTTP method
	 * @param url the public URL Vapi called
	 * @param messageId the message id header value, empty when absent
	 */
	record Values(byte[] body, String timestamp, String method, String url, String messageId) {

	}

}

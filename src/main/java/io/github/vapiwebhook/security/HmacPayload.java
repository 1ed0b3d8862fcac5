package io.github.vapiwebhook.security;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.Mac;

/**
 * The text an HMAC is computed over, built from a payload format such as
 * {@code {timestamp}.{body}}. The body goes in as its exact bytes, never re-encoded, and
 * chunk by chunk as it arrives: what comes before the first {@code {body}} is fed when
 * the computation starts, what comes after it when the body is complete.
 */
final class HmacPayload {

	static final String DEFAULT_FORMAT = "{timestamp}.{body}";

	private static final String BODY = "{body}";

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
		String effective = (!includeTimestamp && DEFAULT_FORMAT.equals(format)) ? BODY : format;
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
		if (!format.contains(BODY)) {
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
	 * Starts computing the MAC of one request's payload under each key.
	 * @param macs one MAC per key, initialised and used up by the computation
	 * @param values what the placeholders other than {@code {body}} stand for
	 * @return the computation, waiting for the body
	 */
	Computation start(List<Mac> macs, Values values) {
		int body = this.parts.indexOf(BODY);
		Computation computation = new Computation(macs, values, this.parts.subList(body + 1, this.parts.size()));
		this.parts.subList(0, body).forEach(computation::feed);
		return computation;
	}

	/**
	 * What the placeholders other than {@code {body}} stand for in one request.
	 *
	 * @param timestamp the timestamp header value, empty when absent
	 * @param method the HTTP method
	 * @param url the public URL Vapi called
	 * @param messageId the message id header value, empty when absent
	 */
	record Values(String timestamp, String method, String url, String messageId) {

		String text(String part) {
			return switch (part) {
				case "{timestamp}" -> this.timestamp;
				case "{method}" -> this.method;
				case "{url}" -> this.url;
				case "{svix-id}" -> this.messageId;
				default -> part;
			};
		}

	}

	/**
	 * One request's MACs in progress: the body goes in chunk by chunk, then the rest of
	 * the payload.
	 */
	static final class Computation {

		private final List<Mac> macs;

		private final Values values;

		private final List<String> afterBody;

		private Computation(List<Mac> macs, Values values, List<String> afterBody) {
			this.macs = macs;
			this.values = values;
			this.afterBody = afterBody;
		}

		void update(byte[] bytes, int offset, int length) {
			for (Mac mac : this.macs) {
				mac.update(bytes, offset, length);
			}
		}

		/**
		 * Completes the payload after the body and computes the MACs.
		 * @param body the whole body, for a format that holds it more than once
		 * @return one MAC per key
		 */
		List<byte[]> finish(byte[] body) {
			for (String part : this.afterBody) {
				if (BODY.equals(part)) {
					update(body, 0, body.length);
				}
				else {
					feed(part);
				}
			}
			return this.macs.stream().map(Mac::doFinal).toList();
		}

		private void feed(String part) {
			if (!part.isEmpty()) {
				byte[] text = this.values.text(part).getBytes(StandardCharsets.UTF_8);
				update(text, 0, text.length);
			}
		}

	}

}

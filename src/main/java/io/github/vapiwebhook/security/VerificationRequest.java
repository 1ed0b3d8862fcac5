package io.github.vapiwebhook.security;

import java.net.InetAddress;
import java.util.Map;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;

/**
 * What the verifiers see of a request before its body is read, free of servlet types.
 *
 * @param method the HTTP method
 * @param url the public URL Vapi called (for {@code {url}}); empty when no verifier uses
 * it
 * @param headers the first value of each header, looked up case-insensitively
 * @param clientAddress the source address, after trusted proxies; {@code null} when
 * unknown or when no allowlist is configured
 */
record VerificationRequest(String method, String url, Map<String, String> headers,
		@Nullable InetAddress clientAddress) {

	VerificationRequest {
		if (!(headers instanceof RequestHeaders) && !(headers instanceof TreeMap<String, String> sorted
				&& sorted.comparator() == String.CASE_INSENSITIVE_ORDER)) {
			TreeMap<String, String> caseInsensitive = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
			caseInsensitive.putAll(headers);
			headers = caseInsensitive;
		}
	}

	/**
	 * A header value, looked up case-insensitively.
	 * @param name the header name
	 * @return the value, or {@code null} when absent or empty
	 */
	@Nullable String header(String name) {
		String value = this.headers.get(name);
		return (value == null || value.isEmpty()) ? null : value;
	}

}

package io.github.vapiwebhook.security;

import java.util.AbstractMap;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

/**
 * The headers of a request as a read-only map that looks a name up only when asked
 * (case-insensitively, as the servlet container does): a verifier reads two or three
 * headers, so copying them all into a map for every request was wasted work. Iterating it
 * copies them once.
 */
final class RequestHeaders extends AbstractMap<String, String> {

	private final HttpServletRequest request;

	private @Nullable Map<String, String> all;

	RequestHeaders(HttpServletRequest request) {
		this.request = request;
	}

	@Override
	public @Nullable String get(Object name) {
		return (name instanceof String header) ? this.request.getHeader(header) : null;
	}

	@Override
	public boolean containsKey(Object name) {
		return get(name) != null;
	}

	@Override
	public Set<Entry<String, String>> entrySet() {
		Map<String, String> copy = this.all;
		if (copy == null) {
			TreeMap<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
			for (String name : Collections.list(this.request.getHeaderNames())) {
				String value = this.request.getHeader(name);
				if (value != null) {
					headers.put(name, value);
				}
			}
			copy = Collections.unmodifiableMap(headers);
			this.all = copy;
		}
		return copy.entrySet();
	}

}

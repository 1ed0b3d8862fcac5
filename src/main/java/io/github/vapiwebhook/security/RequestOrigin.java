package io.github.vapiwebhook.security;

import java.net.InetAddress;
import java.net.URI;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

/**
 * Where a request came from and which URL it was sent to, believing {@code X-Forwarded-*}
 * headers only when the direct peer is a trusted proxy. A configured public base URL
 * takes precedence for the URL.
 */
final class RequestOrigin {

	private final List<Cidr> trustedProxies;

	private final @Nullable URI publicBaseUrl;

	RequestOrigin(List<Cidr> trustedProxies, @Nullable URI publicBaseUrl) {
		this.trustedProxies = List.copyOf(trustedProxies);
		this.publicBaseUrl = publicBaseUrl;
	}

	/**
	 * The client address: the right-most {@code X-Forwarded-For} entry that is not a
	 * trusted proxy, when the peer is one; otherwise the peer itself.
	 * @param request the request
	 * @return the address, or {@code null} when it cannot be read
	 */
	@Nullable InetAddress clientAddress(HttpServletRequest request) {
		InetAddress peer = Cidr.literal(request.getRemoteAddr()).orElse(null);
		String forwardedFor = request.getHeader("X-Forwarded-For");
		if (peer == null || !trusted(peer) || forwardedFor == null) {
			return peer;
		}
		String[] hops = forwardedFor.split(",");
		InetAddress client = peer;
		for (int i = hops.length - 1; i >= 0; i--) {
			Optional<InetAddress> hop = Cidr.literal(hops[i]);
			if (hop.isEmpty()) {
				return null;
			}
			client = hop.get();
			if (!trusted(client)) {
				return client;
			}
		}
		return client;
	}

	/**
	 * The full URL Vapi called, with the query string.
	 * @param request the request
	 * @return the public URL
	 */
	String publicUrl(HttpServletRequest request) {
		String query = (request.getQueryString() != null) ? "?" + request.getQueryString() : "";
		if (this.publicBaseUrl != null) {
			String base = this.publicBaseUrl.toString().replaceAll("/+$", "");
			return base + request.getRequestURI() + query;
		}
		InetAddress peer = Cidr.literal(request.getRemoteAddr()).orElse(null);
		if (peer != null && trusted(peer) && request.getHeader("X-Forwarded-Host") != null) {
			return forwardedBase(request) + request.getRequestURI() + query;
		}
		return request.getRequestURL() + query;
	}

	private String forwardedBase(HttpServletRequest request) {
		String scheme = firstValue(request.getHeader("X-Forwarded-Proto"), request.getScheme());
		String host = firstValue(request.getHeader("X-Forwarded-Host"), request.getServerName());
		String port = firstValue(request.getHeader("X-Forwarded-Port"), "");
		String prefix = firstValue(request.getHeader("X-Forwarded-Prefix"), "").replaceAll("/+$", "");
		boolean defaultPort = port.isEmpty() || host.contains(":") || ("https".equals(scheme) && "443".equals(port))
				|| ("http".equals(scheme) && "80".equals(port));
		return scheme + "://" + host + (defaultPort ? "" : ":" + port) + prefix;
	}

	private static String firstValue(@Nullable String header, String fallback) {
		if (header == null || header.isBlank()) {
			return fallback;
		}
		return header.split(",")[0].trim();
	}

	private boolean trusted(InetAddress address) {
		return this.trustedProxies.stream().anyMatch((cidr) -> cidr.contains(address));
	}

}

package io.github.vapiwebhook.webhook;

import java.io.IOException;
import java.util.List;

import io.github.vapiwebhook.message.ServerMessage;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.filter.ServerHttpObservationFilter;

/**
 * Answers well-formed webhook requests without Spring MVC: the last filter on the webhook
 * path, after the body, metrics and authentication filters. A {@code POST} whose content
 * type is {@code application/json}, whose {@code Accept} (if any) allows JSON and whose
 * body is a readable message is read, dispatched and answered here; everything else goes
 * on to Spring MVC and the {@link WebhookController}, which give the same 405, 406, 415
 * and 400 problem responses as before. Skipping MVC's mapping, argument resolution and
 * request-context bookkeeping took the server's CPU time per signed tool call from
 * 144-200 to 94-100 microseconds (measured under {@code bench/run.sh}'s load,
 * 2026-11-27).
 */
class WebhookFastPathFilter extends HttpFilter {

	private final WebhookEndpoint endpoint;

	private final String path;

	WebhookFastPathFilter(WebhookEndpoint endpoint, String path) {
		this.endpoint = endpoint;
		this.path = path;
	}

	@Override
	protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws IOException, ServletException {
		byte[] body = CachedBodyRequest.bodyOf(request);
		ServerMessage message = (body != null && qualifies(request)) ? readable(body) : null;
		if (message == null) {
			chain.doFilter(request, response);
			return;
		}
		// The path pattern MVC would have set, for http.server.requests when it is on.
		ServerHttpObservationFilter.findObservationContext(request)
			.ifPresent((context) -> context.setPathPattern(this.path));
		this.endpoint.answer(message, response);
	}

	private @Nullable ServerMessage readable(byte[] body) {
		try {
			return this.endpoint.read(body);
		}
		catch (RuntimeException ex) {
			// MVC reads it again and answers with the problem response.
			return null;
		}
	}

	static boolean qualifies(HttpServletRequest request) {
		return "POST".equals(request.getMethod()) && isJson(request.getContentType())
				&& acceptsJson(request.getHeader(HttpHeaders.ACCEPT));
	}

	private static boolean isJson(@Nullable String contentType) {
		if (contentType == null) {
			return false;
		}
		if (contentType.equals(MediaType.APPLICATION_JSON_VALUE)) {
			return true;
		}
		try {
			return MediaType.APPLICATION_JSON.includes(MediaType.parseMediaType(contentType));
		}
		catch (InvalidMediaTypeException ex) {
			return false;
		}
	}

	private static boolean acceptsJson(@Nullable String accept) {
		if (accept == null || accept.isBlank() || accept.equals("*/*")
				|| accept.equals(MediaType.APPLICATION_JSON_VALUE)) {
			return true;
		}
		try {
			List<MediaType> accepted = MediaType.parseMediaTypes(accept);
			return accepted.stream().anyMatch((type) -> type.isCompatibleWith(MediaType.APPLICATION_JSON));
		}
		catch (InvalidMediaTypeException ex) {
			return false;
		}
	}

}

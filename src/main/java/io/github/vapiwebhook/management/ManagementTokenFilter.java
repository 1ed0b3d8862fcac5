package io.github.vapiwebhook.management;

import java.io.IOException;
import java.util.List;

import io.github.vapiwebhook.security.ConstantTimeSecrets;
import io.github.vapiwebhook.webhook.ProblemResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets through the requests to the actuator's paths that are health checks or carry an
 * accepted bearer token; refuses the rest with a 401 problem document that does not say
 * what was wrong, and one WARN line saying whether the token was missing or wrong (never
 * the token). With no token configured, every request that is not a health check is
 * refused.
 */
class ManagementTokenFilter extends OncePerRequestFilter {

	/**
	 * The filter's order: that of the call API's key filter, before Spring's request
	 * filters and the application's filters.
	 */
	static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 10;

	private static final Logger logger = LoggerFactory.getLogger(ManagementTokenFilter.class);

	private static final String PREFIX = "bearer ";

	private final @Nullable ConstantTimeSecrets tokens;

	private final List<String> openPaths;

	private final ProblemResponses problems;

	/**
	 * Creates the filter.
	 * @param tokens the accepted tokens; none refuses every guarded request
	 * @param openPaths the paths (relative to the context path) that need no token, each
	 * with everything under it
	 * @param problems writes the refusals
	 */
	ManagementTokenFilter(List<String> tokens, List<String> openPaths, ProblemResponses problems) {
		this.tokens = tokens.isEmpty() ? null : new ConstantTimeSecrets(tokens);
		this.openPaths = List.copyOf(openPaths);
		this.problems = problems;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (isOpen(request) || accepted(request.getHeader(HttpHeaders.AUTHORIZATION))) {
			chain.doFilter(request, response);
			return;
		}
		String header = request.getHeader(HttpHeaders.AUTHORIZATION);
		logger.warn("Refused an actuator request: {}", (this.tokens == null) ? "no vapi.management.tokens configured"
				: (header != null) ? "wrong bearer token" : "missing bearer token");
		response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
		this.problems.write(response, HttpStatus.UNAUTHORIZED, "A valid bearer token is required");
	}

	/**
	 * Whether a request is under an open path both as it was sent and as the container
	 * normalized it ("/actuator/health/../prometheus" is not open, whichever of the two a
	 * handler mapping goes by).
	 */
	private boolean isOpen(HttpServletRequest request) {
		String sent = request.getRequestURI().substring(request.getContextPath().length());
		String pathInfo = request.getPathInfo();
		String normalized = request.getServletPath() + ((pathInfo != null) ? pathInfo : "");
		return isOpen(sent) && isOpen(normalized) && !sent.contains("..") && sent.indexOf(';') < 0
				&& sent.indexOf('%') < 0;
	}

	private boolean isOpen(String path) {
		for (String open : this.openPaths) {
			if (path.equals(open) || (path.startsWith(open) && path.charAt(open.length()) == '/')) {
				return true;
			}
		}
		return false;
	}

	private boolean accepted(@Nullable String header) {
		if (this.tokens == null || header == null || !header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
			return false;
		}
		return this.tokens.matches(header.substring(PREFIX.length()).trim());
	}

}

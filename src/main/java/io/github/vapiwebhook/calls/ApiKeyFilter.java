package io.github.vapiwebhook.calls;

import java.io.IOException;

import io.github.vapiwebhook.webhook.ProblemResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets through only the API requests that carry an accepted key, and marks them so that
 * the controller can tell a request that passed from one that never met this filter.
 * Refusals are 401 problem documents that do not say what was wrong, with one WARN line
 * saying whether the key was missing or wrong (never the key).
 */
class ApiKeyFilter extends OncePerRequestFilter {

	/**
	 * The filter's order: right after Spring's character encoding and observation filters
	 * (so refusals are counted in {@code http.server.requests}), before Spring's request
	 * filters, Spring Security and the application's filters at the default order, which
	 * then see only requests with a valid key. It is the order of the webhook's
	 * authentication ({@code WebhookFilterOrder.AUTHENTICATION}) on another path.
	 */
	static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 10;

	/** The request attribute set on a request whose key was accepted. */
	static final String AUTHENTICATED = ApiKeyFilter.class.getName() + ".AUTHENTICATED";

	private static final Logger logger = LoggerFactory.getLogger(ApiKeyFilter.class);

	private final ApiKeys keys;

	private final String headerName;

	private final ProblemResponses problems;

	ApiKeyFilter(ApiKeys keys, String headerName, ProblemResponses problems) {
		this.keys = keys;
		this.headerName = headerName;
		this.problems = problems;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String key = request.getHeader(this.headerName);
		if (key != null && this.keys.matches(key)) {
			request.setAttribute(AUTHENTICATED, Boolean.TRUE);
			chain.doFilter(request, response);
			return;
		}
		logger.warn("Refused a call API request: {} API key in {}", (key != null) ? "wrong" : "missing",
				this.headerName);
		this.problems.write(response, HttpStatus.UNAUTHORIZED, "A valid API key is required");
	}

}

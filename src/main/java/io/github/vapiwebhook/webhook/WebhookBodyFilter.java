package io.github.vapiwebhook.webhook;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Reads the body of each webhook request once, after authentication (unless the
 * authentication read it already, to check a signature over it), and passes on a request
 * that keeps the exact bytes. A body that is too large, too slow or finds no room in the
 * body budget gets its problem answer here.
 */
class WebhookBodyFilter extends HttpFilter {

	private final RequestBodyReader reader;

	private final ProblemResponses problems;

	WebhookBodyFilter(RequestBodyReader reader, ProblemResponses problems) {
		this.reader = reader;
		this.problems = problems;
	}

	@Override
	protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (CachedBodyRequest.bodyOf(request) != null) {
			chain.doFilter(request, response);
			return;
		}
		ReceivedBody body;
		try {
			body = this.reader.read(request, BodyObserver.NONE);
		}
		catch (BodyRejectedException ex) {
			this.problems.writeAndClose(request, response, ex);
			return;
		}
		try (body) {
			chain.doFilter(new CachedBodyRequest(request, body.bytes()), response);
		}
	}

}

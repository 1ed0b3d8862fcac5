package io.github.vapiwebhook.security;

import java.io.IOException;
import java.net.InetAddress;
import java.util.Optional;

import io.github.vapiwebhook.webhook.CachedBodyRequest;
import io.github.vapiwebhook.webhook.ProblemResponses;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;

/**
 * Adapts HTTP to the {@link WebhookAuthenticator}: runs after the body filter, so the
 * exact raw bytes are at hand, and answers a refused request with a generic 401. The
 * reason is logged at WARN and counted, never the credential, signature or body.
 */
class SignatureVerificationFilter extends HttpFilter {

	static final String REJECTIONS_METER = "vapi.webhook.auth.rejections";

	private static final Logger logger = LoggerFactory.getLogger(SignatureVerificationFilter.class);

	private static final String DETAIL = "The request could not be authenticated";

	private final WebhookAuthenticator authenticator;

	private final RequestOrigin origin;

	private final boolean usesUrl;

	private final boolean usesClientAddress;

	private final ProblemResponses problems;

	private final MeterRegistry meters;

	SignatureVerificationFilter(WebhookAuthenticator authenticator, RequestOrigin origin, ProblemResponses problems,
			MeterRegistry meters) {
		this.authenticator = authenticator;
		this.origin = origin;
		this.usesUrl = authenticator.usesUrl();
		this.usesClientAddress = authenticator.usesClientAddress();
		this.problems = problems;
		this.meters = meters;
		// registered at zero so that dashboards and alerts see every reason from the
		// start
		for (RejectionReason reason : RejectionReason.values()) {
			meters.counter(REJECTIONS_METER, "reason", reason.tag());
		}
	}

	@Override
	protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Optional<RejectionReason> rejection = check(request);
		if (rejection.isEmpty()) {
			chain.doFilter(request, response);
			return;
		}
		String reason = rejection.get().tag();
		logger.warn("Refused a webhook request from {}: {}", request.getRemoteAddr(), reason);
		this.meters.counter(REJECTIONS_METER, "reason", reason).increment();
		this.problems.write(response, HttpStatus.UNAUTHORIZED, DETAIL);
	}

	private Optional<RejectionReason> check(HttpServletRequest request) {
		byte[] body = CachedBodyRequest.bodyOf(request);
		if (body == null) {
			return Optional.of(RejectionReason.UNREADABLE_BODY);
		}
		// the URL and the client address cost work to resolve; only done when used
		String url = this.usesUrl ? this.origin.publicUrl(request) : "";
		InetAddress client = this.usesClientAddress ? this.origin.clientAddress(request) : null;
		VerificationRequest verification = new VerificationRequest(request.getMethod(), url,
				new RequestHeaders(request), body, client);
		return this.authenticator.authenticate(verification);
	}

}

package io.github.vapiwebhook.security;

import java.io.IOException;
import java.net.InetAddress;
import java.util.Optional;

import io.github.vapiwebhook.webhook.BodyRejectedException;
import io.github.vapiwebhook.webhook.CachedBodyRequest;
import io.github.vapiwebhook.webhook.ProblemResponses;
import io.github.vapiwebhook.webhook.ReceivedBody;
import io.github.vapiwebhook.webhook.RequestBodyReader;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;

/**
 * Adapts HTTP to the {@link WebhookAuthenticator}. It runs before the body is read: a
 * request is accepted or refused from its headers and source address alone, except for an
 * HMAC signature, which is computed while the body is read and checked once it is
 * complete. A refused request gets a generic 401; the reason is logged at WARN and
 * counted, never the credential, signature or body. An exact repeat of a signed request
 * is answered by the {@link ReplayGuard}.
 */
class SignatureVerificationFilter extends HttpFilter {

	static final String REJECTIONS_METER = "vapi.webhook.auth.rejections";

	private static final Logger logger = LoggerFactory.getLogger(SignatureVerificationFilter.class);

	private static final String DETAIL = "The request could not be authenticated";

	private final WebhookAuthenticator authenticator;

	private final RequestOrigin origin;

	private final boolean usesUrl;

	private final boolean usesClientAddress;

	private final RequestBodyReader reader;

	private final @Nullable ReplayGuard replays;

	private final ProblemResponses problems;

	private final MeterRegistry meters;

	SignatureVerificationFilter(WebhookAuthenticator authenticator, RequestOrigin origin, RequestBodyReader reader,
			@Nullable ReplayGuard replays, ProblemResponses problems, MeterRegistry meters) {
		this.authenticator = authenticator;
		this.origin = origin;
		this.usesUrl = authenticator.usesUrl();
		this.usesClientAddress = authenticator.usesClientAddress();
		this.reader = reader;
		this.replays = replays;
		this.problems = problems;
		this.meters = meters;
		// registered at zero so that dashboards and alerts see every reason from the
		// start
		for (RejectionReason reason : RejectionReason.values()) {
			counter(reason);
		}
	}

	@Override
	protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Verdict verdict = this.authenticator.authenticate(verificationRequest(request));
		if (verdict instanceof Verdict.Refused refused) {
			// decided before the body was read: close rather than read the rest of it
			refuse(request, refused.reason());
			this.problems.writeAndClose(request, response, HttpStatus.UNAUTHORIZED, DETAIL);
		}
		else if (verdict instanceof Verdict.NeedsBody pending) {
			checkSignature(pending.signature(), request, response, chain);
		}
		else {
			chain.doFilter(request, response);
		}
	}

	private void checkSignature(BodySignature signature, HttpServletRequest request, HttpServletResponse response,
			FilterChain chain) throws IOException, ServletException {
		ReceivedBody body;
		try {
			body = this.reader.read(request, signature);
		}
		catch (BodyRejectedException ex) {
			this.problems.writeAndClose(request, response, ex);
			return;
		}
		try (body) {
			if (!signature.matches(body.bytes())) {
				refuse(request, RejectionReason.BAD_SIGNATURE);
				this.problems.write(response, HttpStatus.UNAUTHORIZED, DETAIL);
				return;
			}
			CachedBodyRequest signed = new CachedBodyRequest(request, body.bytes());
			if (this.replays == null) {
				chain.doFilter(signed, response);
				return;
			}
			Optional<RejectionReason> refused = this.replays.handle(signature, response,
					(answer) -> chain.doFilter(signed, answer));
			if (refused.isPresent()) {
				refuse(request, refused.get());
				this.problems.write(response, HttpStatus.UNAUTHORIZED, DETAIL);
			}
		}
	}

	private VerificationRequest verificationRequest(HttpServletRequest request) {
		// the URL and the client address cost work to resolve; only done when used
		String url = this.usesUrl ? this.origin.publicUrl(request) : "";
		InetAddress client = this.usesClientAddress ? this.origin.clientAddress(request) : null;
		return new VerificationRequest(request.getMethod(), url, new RequestHeaders(request), client);
	}

	private void refuse(HttpServletRequest request, RejectionReason reason) {
		logger.warn("Refused a webhook request from {}: {}", request.getRemoteAddr(), reason.tag());
		counter(reason).increment();
	}

	private Counter counter(RejectionReason reason) {
		return Counter.builder(REJECTIONS_METER)
			.description("Webhook requests refused by authentication, by reason")
			.tag("reason", reason.tag())
			.register(this.meters);
	}

}

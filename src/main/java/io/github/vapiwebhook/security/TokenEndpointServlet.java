package io.github.vapiwebhook.security;

import java.io.IOException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.vapiwebhook.webhook.BodyRejectedException;
import io.github.vapiwebhook.webhook.RequestBodyReader;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/**
 * The token endpoint Vapi's OAuth2 credential calls when no identity provider issues the
 * tokens: the client-credentials grant only, form-encoded POST, client credentials by
 * HTTP Basic or in the form, compared in constant time. It answers
 * {@code {"access_token","token_type":"Bearer","expires_in"}} or an RFC 6749 error
 * ({@code {"error":"invalid_client"}} with 401, never saying which part was wrong). It is
 * not behind the webhook's authentication; it reads at most its own body limit, through
 * the webhook's body reader (the whole body within vapi.webhook.body.timeout, else 408
 * and the connection closed).
 */
class TokenEndpointServlet extends HttpServlet {

	private static final Logger logger = LoggerFactory.getLogger(TokenEndpointServlet.class);

	private final transient LocalTokenIssuer issuer;

	private final transient ConstantTimeSecrets clientId;

	private final transient ConstantTimeSecrets clientSecrets;

	private final int maxRequestSize;

	private final transient RequestBodyReader reader;

	private final List<String> scopes;

	private final transient JsonMapper mapper;

	private final transient Clock clock;

	TokenEndpointServlet(LocalTokenIssuer issuer, SecurityProperties.TokenEndpoint settings, List<String> scopes,
			RequestBodyReader reader, JsonMapper mapper, Clock clock) {
		this.scopes = List.copyOf(scopes);
		this.reader = reader;
		this.issuer = issuer;
		this.clientId = new ConstantTimeSecrets(List.of(settings.clientId()));
		this.clientSecrets = new ConstantTimeSecrets(settings.clientSecrets());
		this.maxRequestSize = (int) Math.min(Integer.MAX_VALUE - 1, settings.maxRequestSize().toBytes());
		this.mapper = mapper;
		this.clock = clock;
	}

	@Override
	protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		response.setHeader(HttpHeaders.PRAGMA, "no-cache");
		try {
			TokenRequest token = TokenRequest.read(request, this.reader, this.maxRequestSize);
			// both compared, whatever the first gives, so that timing tells neither apart
			boolean known = this.clientId.matches(token.clientId()) & this.clientSecrets.matches(token.clientSecret());
			if (!known) {
				throw TokenRequestException.invalidClient();
			}
			if (!"client_credentials".equals(token.grantType())) {
				throw new TokenRequestException(400, "unsupported_grant_type");
			}
			write(response, HttpServletResponse.SC_OK, answer(token.clientId(), granted(token.scope())));
		}
		catch (BodyRejectedException ex) {
			// too slow (408), or too many bodies arriving at once (503): the body was not
			// read to its end
			logger.warn("Refused a token request from {}: {}", request.getRemoteAddr(), ex.reason());
			if (ex.retryAfter() != null) {
				response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, ex.retryAfter().toSeconds())));
			}
			writeAndClose(request, response, ex.status().value());
		}
		catch (TokenRequestException ex) {
			logger.warn("Refused a token request from {}: {}", request.getRemoteAddr(), ex.error());
			if (ex.status() == HttpServletResponse.SC_UNAUTHORIZED) {
				response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"vapi-webhook\"");
			}
			else {
				// the body may not have been read to its end
				writeAndClose(request, response, ex.status(), ex.error());
				return;
			}
			write(response, ex.status(), Map.of("error", ex.error()));
		}
	}

	private void writeAndClose(HttpServletRequest request, HttpServletResponse response, int status)
			throws IOException {
		writeAndClose(request, response, status, "invalid_request");
	}

	/**
	 * Answers and closes the connection without reading the rest of the body: written
	 * asynchronously, as ProblemResponses does for the webhook, so that the container
	 * does not drain the body on the request thread first.
	 */
	private void writeAndClose(HttpServletRequest request, HttpServletResponse response, int status, String error)
			throws IOException {
		response.setHeader(HttpHeaders.CONNECTION, "close");
		if (!request.isAsyncSupported() || request.isAsyncStarted()) {
			write(response, status, Map.of("error", error));
			return;
		}
		AsyncContext async = request.startAsync(request, response);
		try {
			write(response, status, Map.of("error", error));
		}
		finally {
			async.complete();
		}
	}

	/**
	 * The scope granted: the configured scopes when the request asks none, else the one
	 * asked, which must hold every configured scope (the webhook would refuse the token).
	 */
	private @Nullable String granted(@Nullable String requested) {
		if (requested == null) {
			return this.scopes.isEmpty() ? null : String.join(" ", this.scopes);
		}
		if (!List.of(requested.trim().split("\\s+")).containsAll(this.scopes)) {
			throw new TokenRequestException(400, "invalid_scope");
		}
		return requested;
	}

	private Map<String, Object> answer(String clientId, @Nullable String scope) {
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("access_token", this.issuer.issue(clientId, scope, this.clock.instant()));
		answer.put("token_type", "Bearer");
		answer.put("expires_in", this.issuer.lifetime().toSeconds());
		if (scope != null) {
			answer.put("scope", scope);
		}
		return answer;
	}

	private void write(HttpServletResponse response, int status, Map<String, Object> body) throws IOException {
		response.setStatus(status);
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.getOutputStream().write(this.mapper.writeValueAsBytes(body));
	}

}

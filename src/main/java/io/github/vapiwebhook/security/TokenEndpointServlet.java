package io.github.vapiwebhook.security;

import java.io.IOException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
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
 * not behind the webhook's authentication and reads at most its own body limit.
 */
class TokenEndpointServlet extends HttpServlet {

	private static final Logger logger = LoggerFactory.getLogger(TokenEndpointServlet.class);

	private final transient LocalTokenIssuer issuer;

	private final transient ConstantTimeSecrets clientId;

	private final transient ConstantTimeSecrets clientSecrets;

	private final int maxRequestSize;

	private final transient JsonMapper mapper;

	private final transient Clock clock;

	TokenEndpointServlet(LocalTokenIssuer issuer, SecurityProperties.TokenEndpoint settings, JsonMapper mapper,
			Clock clock) {
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
			TokenRequest token = TokenRequest.read(request, this.maxRequestSize);
			// both compared, whatever the first gives, so that timing tells neither apart
			boolean known = this.clientId.matches(token.clientId()) & this.clientSecrets.matches(token.clientSecret());
			if (!known) {
				throw TokenRequestException.invalidClient();
			}
			if (!"client_credentials".equals(token.grantType())) {
				throw new TokenRequestException(400, "unsupported_grant_type");
			}
			write(response, HttpServletResponse.SC_OK, answer(token));
		}
		catch (TokenRequestException ex) {
			logger.warn("Refused a token request from {}: {}", request.getRemoteAddr(), ex.error());
			if (ex.status() == HttpServletResponse.SC_UNAUTHORIZED) {
				response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"vapi-webhook\"");
			}
			else {
				// the body may not have been read to its end
				response.setHeader(HttpHeaders.CONNECTION, "close");
			}
			write(response, ex.status(), Map.of("error", ex.error()));
		}
	}

	private Map<String, Object> answer(TokenRequest token) {
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("access_token", this.issuer.issue(token.clientId(), token.scope(), this.clock.instant()));
		answer.put("token_type", "Bearer");
		answer.put("expires_in", this.issuer.lifetime().toSeconds());
		if (token.scope() != null) {
			answer.put("scope", token.scope());
		}
		return answer;
	}

	private void write(HttpServletResponse response, int status, Map<String, Object> body) throws IOException {
		response.setStatus(status);
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.getOutputStream().write(this.mapper.writeValueAsBytes(body));
	}

}

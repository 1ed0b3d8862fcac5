package io.github.vapiwebhook.security;

import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * vapi.security.oauth2.scopes with the built-in token endpoint, over real HTTP: the
 * endpoint grants the configured scopes, and the webhook refuses its tokens without them,
 * as it does the identity provider's.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "vapi.security.oauth2.token-endpoint.client-id=vapi",
				"vapi.security.oauth2.token-endpoint.client-secrets=" + TokenEndpointTests.CLIENT_SECRET,
				"vapi.security.oauth2.token-endpoint.signing-secret=" + TokenEndpointTests.SIGNING_SECRET,
				"vapi.security.oauth2.scopes=vapi.webhook" })
class TokenEndpointScopeTests {

	private static final String CREDENTIALS = "grant_type=client_credentials&client_id=vapi&client_secret="
			+ TokenEndpointTests.CLIENT_SECRET;

	private final JsonMapper json = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Test
	void grantsTheConfiguredScopesWhenTheRequestAsksNone() {
		HttpExchange response = token(CREDENTIALS);
		assertThat(response.status()).isEqualTo(200);
		JsonNode answer = this.json.readTree(response.body());
		assertThat(answer.get("scope").asString()).isEqualTo("vapi.webhook");
		assertThat(webhook(Map.of("Authorization", "Bearer " + answer.get("access_token").asString())).status())
			.isEqualTo(200);
	}

	@Test
	void grantsARequestedScopeThatHoldsTheConfiguredOnes() {
		HttpExchange response = token(CREDENTIALS + "&scope=openid+vapi.webhook");
		assertThat(response.status()).isEqualTo(200);
		JsonNode answer = this.json.readTree(response.body());
		assertThat(answer.get("scope").asString()).isEqualTo("openid vapi.webhook");
		assertThat(webhook(Map.of("Authorization", "Bearer " + answer.get("access_token").asString())).status())
			.isEqualTo(200);
	}

	@Test
	void refusesARequestedScopeWithoutTheConfiguredOnes() {
		HttpExchange response = token(CREDENTIALS + "&scope=webhook");
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.body()).isEqualTo("{\"error\":\"invalid_scope\"}");
	}

	@Test
	void refusesATokenOfTheEndpointWithoutTheConfiguredScope() {
		Map<String, String> unscoped = WebhookSigner.tokenEndpoint(TokenEndpointTests.SIGNING_SECRET)
			.headersFor(SignatureVerificationFilterTests.BODY, Instant.now());
		assertThat(webhook(unscoped).status()).isEqualTo(401);
		Map<String, String> scoped = WebhookSigner.tokenEndpoint(TokenEndpointTests.SIGNING_SECRET, "vapi.webhook")
			.headersFor(SignatureVerificationFilterTests.BODY, Instant.now());
		assertThat(webhook(scoped).status()).isEqualTo(200);
	}

	private HttpExchange token(String form) {
		return HttpExchange.post(this.port, "/vapi/oauth/token", MediaType.APPLICATION_FORM_URLENCODED, form, Map.of());
	}

	private HttpExchange webhook(Map<String, String> headers) {
		return HttpExchange.postWebhook(this.port, SignatureVerificationFilterTests.BODY, headers);
	}

}

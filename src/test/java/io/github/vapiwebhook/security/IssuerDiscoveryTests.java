package io.github.vapiwebhook.security;

import java.io.IOException;
import java.time.Instant;
import java.util.Map;

import com.nimbusds.jose.jwk.RSAKey;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OAuth2 (JWT) scheme configured with the issuer only: the server starts without
 * asking the identity provider anything, and finds the keys by OpenID discovery on the
 * first token, again on the next token while the provider is down.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "vapi.security.oauth2.audiences=vapi-webhook")
class IssuerDiscoveryTests {

	private static final TestIdentityProvider idp = new TestIdentityProvider();

	private static final RSAKey key = TestIdentityProvider.rsaKey("discovered");

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void identityProvider(DynamicPropertyRegistry registry) throws IOException {
		idp.start().down(true);
		idp.publish(key);
		registry.add("vapi.security.oauth2.issuer-uri", idp::issuer);
	}

	@AfterAll
	static void stopIdentityProvider() {
		idp.close();
	}

	@Test
	void startsWithoutTheIdentityProviderAndDiscoversItsKeysOnceItIsUp() {
		assertThat(idp.requestCount()).as("requests during startup").isZero();
		Map<String, String> headers = WebhookSigner.jwt(key, idp.issuer(), "vapi-webhook", "vapi.webhook")
			.headersFor(SignatureVerificationFilterTests.BODY, Instant.now());
		assertThat(post(headers).status()).as("while the provider is down").isEqualTo(401);
		idp.down(false);
		assertThat(post(headers).status()).as("once it is up").isEqualTo(200);
		assertThat(idp.requestCount()).isGreaterThan(1);
	}

	private HttpExchange post(Map<String, String> headers) {
		return HttpExchange.postWebhook(this.port, SignatureVerificationFilterTests.BODY, headers);
	}

}

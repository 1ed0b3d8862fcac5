package io.github.vapiwebhook.security;

import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
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

	private static final MockWebServer idp = new MockWebServer();

	private static final AtomicBoolean down = new AtomicBoolean(true);

	private static final RSAKey key = rsaKey();

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void identityProvider(DynamicPropertyRegistry registry) throws IOException {
		idp.setDispatcher(new Dispatcher() {
			@Override
			public MockResponse dispatch(RecordedRequest request) {
				if (down.get()) {
					return new MockResponse.Builder().code(503).build();
				}
				String body = request.getTarget().endsWith("/jwks") ? new JWKSet(key.toPublicJWK()).toString()
						: "{\"issuer\":\"" + issuer() + "\",\"jwks_uri\":\"" + idp.url("/realm/jwks") + "\"}";
				return new MockResponse.Builder().code(200)
					.addHeader("Content-Type", "application/json")
					.body(body)
					.build();
			}
		});
		idp.start();
		registry.add("vapi.security.oauth2.issuer-uri", IssuerDiscoveryTests::issuer);
	}

	@AfterAll
	static void stopIdentityProvider() {
		idp.close();
	}

	@Test
	void startsWithoutTheIdentityProviderAndDiscoversItsKeysOnceItIsUp() {
		assertThat(idp.getRequestCount()).as("requests during startup").isZero();
		Map<String, String> headers = WebhookSigner.jwt(key, issuer(), "vapi-webhook", "vapi.webhook")
			.headersFor(SignatureVerificationFilterTests.BODY, Instant.now());
		assertThat(post(headers).status()).as("while the provider is down").isEqualTo(401);
		down.set(false);
		assertThat(post(headers).status()).as("once it is up").isEqualTo(200);
		assertThat(idp.getRequestCount()).isGreaterThan(1);
	}

	private HttpExchange post(Map<String, String> headers) {
		return HttpExchange.postWebhook(this.port, SignatureVerificationFilterTests.BODY, headers);
	}

	private static String issuer() {
		return idp.url("/realm").toString();
	}

	private static RSAKey rsaKey() {
		try {
			return new RSAKeyGenerator(2048).keyID("discovered").generate();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

}

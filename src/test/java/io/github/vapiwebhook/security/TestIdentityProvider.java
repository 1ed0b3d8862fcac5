package io.github.vapiwebhook.security;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/**
 * An identity provider over real HTTP (MockWebServer) for the OAuth2 tests: its OpenID
 * configuration at {@code <issuer>/.well-known/openid-configuration} and the JWK set the
 * test publishes, or 503 for everything while it is down.
 */
final class TestIdentityProvider implements AutoCloseable {

	private final MockWebServer server = new MockWebServer();

	private final AtomicReference<JWKSet> published = new AtomicReference<>(new JWKSet());

	private final AtomicBoolean down = new AtomicBoolean();

	private final AtomicReference<Duration> delay = new AtomicReference<>(Duration.ZERO);

	/**
	 * Starts the server.
	 * @return this provider
	 * @throws IOException when it cannot listen
	 */
	TestIdentityProvider start() throws IOException {
		this.server.setDispatcher(new Dispatcher() {
			@Override
			public MockResponse dispatch(RecordedRequest request) {
				return answer(request);
			}
		});
		this.server.start();
		return this;
	}

	private MockResponse answer(RecordedRequest request) {
		if (this.down.get()) {
			return new MockResponse.Builder().code(503).build();
		}
		String body = request.getTarget().endsWith("/.well-known/openid-configuration")
				? "{\"issuer\":\"" + issuer() + "\",\"jwks_uri\":\"" + jwkSetUri() + "\"}"
				: this.published.get().toString();
		return new MockResponse.Builder().code(200)
			.headersDelay(this.delay.get().toMillis(), TimeUnit.MILLISECONDS)
			.addHeader("Content-Type", "application/json")
			.body(body)
			.build();
	}

	String issuer() {
		return this.server.url("/realm").toString();
	}

	String jwkSetUri() {
		return this.server.url("/realm/jwks").toString();
	}

	/**
	 * Publishes the public halves of keys as the JWK set, replacing the set before.
	 * @param keys the keys
	 */
	void publish(JWK... keys) {
		this.published.set(new JWKSet(List.of(keys).stream().map(JWK::toPublicJWK).toList()));
	}

	void down(boolean down) {
		this.down.set(down);
	}

	/**
	 * Makes every answer wait before its headers.
	 * @param delay how long
	 */
	void delay(Duration delay) {
		this.delay.set(delay);
	}

	int requestCount() {
		return this.server.getRequestCount();
	}

	@Override
	public void close() {
		this.server.close();
	}

	static RSAKey rsaKey(String id) {
		try {
			return new RSAKeyGenerator(2048).keyID(id).generate();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static String signed(RSAKey key, JWTClaimsSet claims) {
		try {
			SignedJWT jwt = new SignedJWT(
					new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).type(JOSEObjectType.JWT).build(),
					claims);
			jwt.sign(new RSASSASigner(key));
			return jwt.serialize();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

}

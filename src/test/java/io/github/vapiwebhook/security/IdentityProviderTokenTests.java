package io.github.vapiwebhook.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OAuth2 (JWT) scheme with an identity provider, over real HTTP: the provider's JWK
 * set is served by MockWebServer, the tokens are signed with real keys, and an HMAC
 * scheme is configured beside it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "vapi.security.oauth2.issuer-uri=" + IdentityProviderTokenTests.ISSUER,
				"vapi.security.oauth2.audiences=vapi-webhook", "vapi.security.oauth2.scopes=vapi.webhook",
				"vapi.security.oauth2.jws-algorithms=RS256,ES256",
				"vapi.security.oauth2.key-refresh-min-interval=" + IdentityProviderTokenTests.REFRESH_INTERVAL_MILLIS
						+ "ms",
				"vapi.security.hmac.secrets=" + IdentityProviderTokenTests.HMAC_SECRET,
				"vapi.management.tokens=test-management-token" })
@ExtendWith(OutputCaptureExtension.class)
class IdentityProviderTokenTests {

	static final String ISSUER = "https://idp.example.test/realms/vapi";

	static final long REFRESH_INTERVAL_MILLIS = 100;

	static final String HMAC_SECRET = "whsec-0123456789abcdef0123456789abcdef";

	static final String BODY = SignatureVerificationFilterTests.BODY;

	private static final TestIdentityProvider idp = new TestIdentityProvider();

	private static final RSAKey keyA = TestIdentityProvider.rsaKey("key-a");

	private static final RSAKey keyB = TestIdentityProvider.rsaKey("key-b");

	@LocalServerPort
	int port;

	@Autowired
	MeterRegistry meters;

	@DynamicPropertySource
	static void identityProvider(DynamicPropertyRegistry registry) throws IOException {
		idp.start();
		registry.add("vapi.security.oauth2.jwk-set-uri", idp::jwkSetUri);
	}

	@AfterAll
	static void stopIdentityProvider() {
		idp.close();
	}

	@BeforeEach
	void publishKeyA() throws InterruptedException {
		idp.down(false);
		idp.publish(keyA);
		// the JWK set is fetched again for an unknown key id only once the interval has
		// passed since the last fetch
		Thread.sleep(REFRESH_INTERVAL_MILLIS + 50);
	}

	@Test
	void acceptsTokenOfTheIdentityProvider() {
		Map<String, String> headers = WebhookSigner.jwt(keyA, ISSUER, "vapi-webhook", "openid vapi.webhook")
			.headersFor(BODY, Instant.now());
		assertThat(post(headers).status()).isEqualTo(200);
	}

	@Test
	void acceptsEs256TokenWhenTheAlgorithmIsConfigured() throws JOSEException {
		ECKey ecKey = new ECKeyGenerator(Curve.P_256).keyID("key-ec").generate();
		idp.publish(keyA, ecKey);
		Map<String, String> headers = WebhookSigner.jwt(ecKey, ISSUER, "vapi-webhook", "vapi.webhook")
			.headersFor(BODY, Instant.now());
		assertThat(post(headers).status()).isEqualTo(200);
	}

	@Test
	void acceptsHmacSignedRequestBesideTheTokenScheme() {
		assertThat(post(WebhookSigner.hmac(HMAC_SECRET).headersFor(BODY, Instant.now())).status()).isEqualTo(200);
	}

	@Test
	void refusesExpiredTokenWithTheGenericProblem(CapturedOutput output) {
		double before = rejections("bad_token");
		Instant past = Instant.now().minus(Duration.ofMinutes(20));
		String token = TestIdentityProvider.signed(keyA,
				claims().issueTime(Date.from(past))
					.expirationTime(Date.from(past.plus(Duration.ofMinutes(10))))
					.build());
		HttpExchange response = post(bearer(token));
		assertThat(response.status()).isEqualTo(401);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.body()).contains("The request could not be authenticated").doesNotContain("expired");
		assertThat(rejections("bad_token")).isEqualTo(before + 1);
		assertThat(output.getOut()).contains("Refused a webhook request").contains("bad_token").doesNotContain(token);
	}

	@Test
	void refusesTokenNotYetValid() {
		String token = TestIdentityProvider.signed(keyA,
				claims().notBeforeTime(Date.from(Instant.now().plus(Duration.ofMinutes(10))))
					.expirationTime(Date.from(Instant.now().plus(Duration.ofMinutes(20))))
					.build());
		assertRefusedAsBadToken(token);
	}

	@Test
	void refusesTokenOfAnotherIssuer() {
		assertRefusedAsBadToken(
				TestIdentityProvider.signed(keyA, claims().issuer("https://idp.example.test/realms/other").build()));
	}

	@Test
	void refusesTokenForAnotherAudience() {
		assertRefusedAsBadToken(TestIdentityProvider.signed(keyA, claims().audience("another-api").build()));
	}

	@Test
	void refusesTokenWithoutTheRequiredScope() {
		assertRefusedAsBadToken(TestIdentityProvider.signed(keyA, claims().claim("scope", "openid profile").build()));
	}

	@Test
	void refusesTokenWithoutExpiry() {
		assertRefusedAsBadToken(TestIdentityProvider.signed(keyA, claims().expirationTime(null).build()));
	}

	@Test
	void refusesTokenWithWrongSignature() {
		// the published key's id, another key's signature
		assertRefusedAsBadToken(TestIdentityProvider.signed(TestIdentityProvider.rsaKey("key-a"), claims().build()));
	}

	@Test
	void refusesUnsignedToken() {
		assertRefusedAsBadToken(new PlainJWT(claims().build()).serialize());
	}

	@Test
	void refusesTokenSignedWithTheHmacSecretOfAnotherScheme() throws JOSEException {
		SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).type(JOSEObjectType.JWT).build(),
				claims().build());
		jwt.sign(new MACSigner(HMAC_SECRET.getBytes(StandardCharsets.UTF_8)));
		assertRefusedAsBadToken(jwt.serialize());
	}

	@Test
	void refusesTokenWithUnknownKeyIdAfterLookingForIt() {
		int fetches = idp.requestCount();
		assertRefusedAsBadToken(
				TestIdentityProvider.signed(TestIdentityProvider.rsaKey("key-unknown"), claims().build()));
		assertThat(idp.requestCount()).isGreaterThan(fetches);
	}

	@Test
	void refusesTokenThatIsNotAJwt() {
		assertRefusedAsBadToken("not-a-jwt");
	}

	@Test
	void picksUpARotatedKeySetWithoutRestart() {
		assertThat(post(bearer(TestIdentityProvider.signed(keyA, claims().build()))).status()).isEqualTo(200);
		idp.publish(keyB);
		assertThat(post(bearer(TestIdentityProvider.signed(keyB, claims().build()))).status()).isEqualTo(200);
		assertRefusedAsBadToken(TestIdentityProvider.signed(keyA, claims().build()));
	}

	@Test
	void refusesUnknownKeysButAcceptsKnownOnesWhileTheKeysCannotBeFetched() throws InterruptedException {
		assertThat(post(bearer(TestIdentityProvider.signed(keyA, claims().build()))).status()).isEqualTo(200);
		idp.down(true);
		Thread.sleep(REFRESH_INTERVAL_MILLIS + 50);
		int fetches = idp.requestCount();
		// a key id not in the cache makes the decoder fetch the set, which fails; the
		// last set fetched still serves (outage tolerance), without the new key
		assertRefusedAsBadToken(TestIdentityProvider.signed(TestIdentityProvider.rsaKey("key-new"), claims().build()));
		assertThat(idp.requestCount()).isGreaterThan(fetches);
		assertThat(post(bearer(TestIdentityProvider.signed(keyA, claims().build()))).status()).isEqualTo(200);
	}

	@Test
	void refusesRequestWithoutToken() {
		double before = rejections("missing_credential");
		assertThat(post(Map.of()).status()).isEqualTo(401);
		assertThat(rejections("missing_credential")).isEqualTo(before + 1);
	}

	@Test
	void showsTheSchemeInInfo() {
		String info = RestClient.create("http://127.0.0.1:" + this.port)
			.get()
			.uri("/actuator/info")
			.header("Authorization", "Bearer test-management-token")
			.retrieve()
			.body(String.class);
		assertThat(info).contains("\"oauth2\"").doesNotContain(HMAC_SECRET);
	}

	@Test
	void registersTheTokenReasonsFromTheStart() {
		assertThat(this.meters.find(SignatureVerificationFilter.REJECTIONS_METER).tag("reason", "bad_token").counter())
			.isNotNull();
		assertThat(this.meters.find(SignatureVerificationFilter.REJECTIONS_METER)
			.tag("reason", "keys_unavailable")
			.counter()).isNotNull();
	}

	private void assertRefusedAsBadToken(String token) {
		double before = rejections("bad_token");
		assertThat(post(bearer(token)).status()).isEqualTo(401);
		assertThat(rejections("bad_token")).isEqualTo(before + 1);
	}

	private static JWTClaimsSet.Builder claims() {
		Instant now = Instant.now();
		return new JWTClaimsSet.Builder().issuer(ISSUER)
			.audience("vapi-webhook")
			.subject("vapi")
			.claim("scope", "vapi.webhook")
			.issueTime(Date.from(now))
			.expirationTime(Date.from(now.plus(Duration.ofMinutes(5))));
	}

	private static Map<String, String> bearer(String token) {
		return Map.of("Authorization", "Bearer " + token);
	}

	private double rejections(String reason) {
		return this.meters.counter(SignatureVerificationFilter.REJECTIONS_METER, "reason", reason).count();
	}

	private HttpExchange post(Map<String, String> headers) {
		return HttpExchange.postWebhook(this.port, BODY, headers);
	}

}

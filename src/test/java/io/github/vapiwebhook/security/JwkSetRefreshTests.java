package io.github.vapiwebhook.security;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How the identity provider's JWK set is fetched again, over real HTTP (MockWebServer):
 * tokens with key ids nobody published must not make the server fetch the set for each of
 * them, a rotated key is still picked up, and the keys already known keep working while
 * the provider is slow or down.
 */
class JwkSetRefreshTests {

	private static final String ISSUER = "https://idp.example.test/realms/vapi";

	private static final Verdict BAD_TOKEN = new Verdict.Refused(RejectionReason.BAD_TOKEN);

	private static final RSAKey keyA = TestIdentityProvider.rsaKey("key-a");

	private static final RSAKey keyB = TestIdentityProvider.rsaKey("key-b");

	private static final RSAKey keyC = TestIdentityProvider.rsaKey("key-c");

	private final TestIdentityProvider idp = new TestIdentityProvider();

	@BeforeEach
	void start() throws IOException {
		this.idp.start();
		this.idp.publish(keyA);
	}

	@AfterEach
	void stop() {
		this.idp.close();
	}

	@Test
	void burstOfUnknownKeyIdsFetchesTheKeySetAtMostOnceAndIsRefusedQuickly() throws Exception {
		JwtVerifier verifier = verifier(Duration.ofSeconds(30));
		assertThat(verifier.verify(request(keyA))).isEqualTo(Verdict.ACCEPTED);
		int fetches = this.idp.requestCount();
		this.idp.delay(Duration.ofMillis(300));
		List<RSAKey> unknown = new ArrayList<>();
		for (int i = 0; i < 40; i++) {
			unknown.add(new RSAKey.Builder(keyA).keyID("unknown-" + i).build());
		}
		long started = System.nanoTime();
		List<Verdict> verdicts = new ArrayList<>();
		ExecutorService threads = Executors.newFixedThreadPool(20);
		try {
			List<Future<Verdict>> futures = new ArrayList<>();
			for (RSAKey key : unknown) {
				futures.add(threads.submit(() -> verifier.verify(request(key))));
			}
			for (Future<Verdict> future : futures) {
				verdicts.add(future.get());
			}
		}
		finally {
			threads.shutdownNow();
		}
		Duration took = Duration.ofNanos(System.nanoTime() - started);
		assertThat(verdicts).hasSize(40).containsOnly(BAD_TOKEN);
		assertThat(this.idp.requestCount() - fetches).as("JWK set fetches for the burst").isLessThanOrEqualTo(1);
		// one fetch of 300 ms at most, not forty in a row
		assertThat(took).isLessThan(Duration.ofSeconds(3));
		assertThat(verifier.verify(request(keyA))).isEqualTo(Verdict.ACCEPTED);
	}

	@Test
	void picksUpARotatedKeyOnceTheRefreshIntervalHasPassed() throws InterruptedException {
		JwtVerifier verifier = verifier(Duration.ofSeconds(2));
		assertThat(verifier.verify(request(keyA))).isEqualTo(Verdict.ACCEPTED);
		// Nimbus' rate limit lets a second fetch through in the interval of the first
		this.idp.publish(keyB);
		assertThat(verifier.verify(request(keyB))).isEqualTo(Verdict.ACCEPTED);
		this.idp.publish(keyC);
		int fetches = this.idp.requestCount();
		assertThat(verifier.verify(request(keyC))).as("within the interval").isEqualTo(BAD_TOKEN);
		assertThat(this.idp.requestCount()).isEqualTo(fetches);
		Thread.sleep(2100);
		assertThat(verifier.verify(request(keyC))).as("after the interval").isEqualTo(Verdict.ACCEPTED);
		assertThat(this.idp.requestCount()).isEqualTo(fetches + 1);
	}

	@Test
	void keepsAcceptingKnownKeysWhileTheKeySetIsSlowOrDown() throws InterruptedException {
		JwtVerifier verifier = verifier(Duration.ofMillis(100));
		assertThat(verifier.verify(request(keyA))).isEqualTo(Verdict.ACCEPTED);
		this.idp.down(true);
		Thread.sleep(150);
		assertThat(verifier.verify(request(TestIdentityProvider.rsaKey("key-new")))).isEqualTo(BAD_TOKEN);
		assertThat(verifier.verify(request(keyA))).as("while down").isEqualTo(Verdict.ACCEPTED);
		this.idp.down(false);
		this.idp.delay(Duration.ofSeconds(3));
		long started = System.nanoTime();
		assertThat(verifier.verify(request(keyA))).as("while slow").isEqualTo(Verdict.ACCEPTED);
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
	}

	@Test
	void refusesAsKeysUnavailableWhenTheKeySetWasNeverFetched() {
		this.idp.down(true);
		assertThat(verifier(Duration.ofSeconds(30)).verify(request(keyA)))
			.isEqualTo(new Verdict.Refused(RejectionReason.KEYS_UNAVAILABLE));
	}

	private JwtVerifier verifier(Duration refreshInterval) {
		SecurityProperties.OAuth2 settings = new SecurityProperties.OAuth2(URI.create(ISSUER),
				URI.create(this.idp.jwkSetUri()), List.of("vapi-webhook"), List.of(), List.of(SignatureAlgorithm.RS256),
				Duration.ofSeconds(60), Duration.ofSeconds(2), refreshInterval, DataSize.ofKilobytes(8),
				new SecurityProperties.TokenEndpoint("/vapi/oauth/token", null, List.of(), null, Duration.ofMinutes(10),
						DataSize.ofKilobytes(4)));
		return new JwtVerifier("oauth2", new TokenDecoders(Clock.systemUTC()).identityProvider(settings), 8192);
	}

	private static VerificationRequest request(RSAKey key) {
		Instant now = Instant.now();
		String token = TestIdentityProvider.signed(key,
				new JWTClaimsSet.Builder().issuer(ISSUER)
					.audience("vapi-webhook")
					.subject("vapi")
					.issueTime(Date.from(now))
					.expirationTime(Date.from(now.plus(Duration.ofMinutes(5))))
					.build());
		return new VerificationRequest("POST", "", Map.of("Authorization", "Bearer " + token), null);
	}

}

package io.github.vapiwebhook.security;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import io.github.vapiwebhook.testing.RawHttp;
import io.github.vapiwebhook.testing.SettableClock;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The built-in token endpoint over real HTTP, and the webhook accepting the tokens it
 * issues. The clock only moves when a test moves it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "vapi.security.oauth2.token-endpoint.client-id=vapi",
				"vapi.security.oauth2.token-endpoint.client-secrets=" + TokenEndpointTests.CLIENT_SECRET,
				"vapi.security.oauth2.token-endpoint.signing-secret=" + TokenEndpointTests.SIGNING_SECRET,
				"vapi.webhook.body.timeout=1s" })
@ExtendWith(OutputCaptureExtension.class)
class TokenEndpointTests {

	static final String CLIENT_SECRET = "client-secret-0123456789";

	static final String SIGNING_SECRET = "signing-secret-0123456789abcdef0123456789";

	private static final String PATH = "/vapi/oauth/token";

	private static final String GRANT = "grant_type=client_credentials";

	private final JsonMapper json = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Autowired
	SettableClock clock;

	@Autowired
	MeterRegistry meters;

	@Test
	void issuesATokenTheWebhookAccepts() {
		HttpExchange response = token(GRANT + "&client_id=vapi&client_secret=" + CLIENT_SECRET, Map.of());
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.contentType()).startsWith("application/json");
		assertThat(response.headers()).containsEntry("Cache-Control", "no-store");
		JsonNode answer = this.json.readTree(response.body());
		assertThat(answer.get("token_type").asString()).isEqualTo("Bearer");
		assertThat(answer.get("expires_in").asLong()).isEqualTo(600);
		String accessToken = answer.get("access_token").asString();
		assertThat(webhook(accessToken).status()).isEqualTo(200);
	}

	@Test
	void acceptsClientCredentialsByHttpBasic() {
		String basic = Base64.getEncoder().encodeToString(("vapi:" + CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));
		HttpExchange response = token(GRANT + "&scope=webhook", Map.of("Authorization", "Basic " + basic));
		assertThat(response.status()).isEqualTo(200);
		JsonNode answer = this.json.readTree(response.body());
		assertThat(answer.get("scope").asString()).isEqualTo("webhook");
		assertThat(webhook(answer.get("access_token").asString()).status()).isEqualTo(200);
	}

	@Test
	void refusesWrongClientSecretWithoutSayingWhichPartWasWrong(CapturedOutput output) {
		HttpExchange wrongSecret = token(GRANT + "&client_id=vapi&client_secret=guess", Map.of());
		HttpExchange wrongId = token(GRANT + "&client_id=other&client_secret=" + CLIENT_SECRET, Map.of());
		for (HttpExchange response : new HttpExchange[] { wrongSecret, wrongId }) {
			assertThat(response.status()).isEqualTo(401);
			assertThat(response.body()).isEqualTo("{\"error\":\"invalid_client\"}");
			assertThat(response.headers()).containsKey("WWW-Authenticate");
		}
		assertThat(output.getOut()).contains("Refused a token request").doesNotContain("guess");
	}

	@Test
	void refusesRequestWithoutClientCredentials() {
		HttpExchange response = token(GRANT, Map.of());
		assertThat(response.status()).isEqualTo(401);
		assertThat(response.body()).isEqualTo("{\"error\":\"invalid_client\"}");
	}

	@Test
	void refusesAnotherGrantType() {
		HttpExchange response = token("grant_type=password&client_id=vapi&client_secret=" + CLIENT_SECRET, Map.of());
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.body()).isEqualTo("{\"error\":\"unsupported_grant_type\"}");
	}

	@Test
	void refusesCredentialsSentBothWays() {
		String basic = Base64.getEncoder().encodeToString(("vapi:" + CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));
		HttpExchange response = token(GRANT + "&client_secret=" + CLIENT_SECRET,
				Map.of("Authorization", "Basic " + basic));
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.body()).isEqualTo("{\"error\":\"invalid_request\"}");
	}

	@Test
	void refusesARequestBodyOverItsLimit() {
		String padding = "&pad=" + "x".repeat(5000);
		HttpExchange response = token(GRANT + "&client_id=vapi&client_secret=" + CLIENT_SECRET + padding, Map.of());
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.body()).isEqualTo("{\"error\":\"invalid_request\"}");
	}

	@Test
	void refusesJsonBody() {
		HttpExchange response = HttpExchange.post(this.port, PATH, MediaType.APPLICATION_JSON,
				"{\"grant_type\":\"client_credentials\",\"client_id\":\"vapi\",\"client_secret\":\"" + CLIENT_SECRET
						+ "\"}",
				Map.of());
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.body()).isEqualTo("{\"error\":\"invalid_request\"}");
	}

	@Test
	void answers408AndClosesTheConnectionWhenTheBodyTricklesInBeyondTheTimeout() throws Exception {
		String form = GRANT + "&client_id=vapi&client_secret=" + CLIENT_SECRET;
		long started = System.nanoTime();
		try (RawHttp http = new RawHttp(this.port, 8000)) {
			http.post(PATH, Map.of("Content-Type", "application/x-www-form-urlencoded", "Content-Length",
					Integer.toString(form.length())), form.substring(0, 1).getBytes(StandardCharsets.US_ASCII));
			Thread trickle = new Thread(() -> {
				try {
					for (int i = 1; i < form.length(); i++) {
						Thread.sleep(250);
						http.send(form.substring(i, i + 1).getBytes(StandardCharsets.US_ASCII));
					}
				}
				catch (Exception ex) {
					// the server closed the connection
				}
			});
			trickle.setDaemon(true);
			trickle.start();
			RawHttp.Answer answer = http.readUntilClosed();
			assertThat(answer.closedByServer()).isTrue();
			assertThat(answer.status()).isEqualTo(408);
			assertThat(answer.header("Connection")).isEqualTo("close");
			assertThat(answer.body()).isEqualTo("{\"error\":\"invalid_request\"}");
		}
		// a body timeout of 1 s, not the 60 bytes times 250 ms the sender would take
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
	}

	@Test
	void refusesContentTypesOtherThanTheFormItself() throws Exception {
		String form = GRANT + "&client_id=vapi&client_secret=" + CLIENT_SECRET;
		for (String type : List.of("*/*", "application/*", "application/x-www-form-urlencoded;version=2",
				"text/plain")) {
			// raw, because the HTTP client refuses to send a wildcard content type
			try (RawHttp http = new RawHttp(this.port, 4000)) {
				http.post(PATH, Map.of("Content-Type", type, "Content-Length", Integer.toString(form.length())),
						form.getBytes(StandardCharsets.US_ASCII));
				RawHttp.Answer answer = http.readUntilClosed();
				assertThat(answer.status()).as(type).isEqualTo(400);
				assertThat(answer.body()).isEqualTo("{\"error\":\"invalid_request\"}");
			}
		}
		HttpExchange withCharset = HttpExchange.post(this.port, PATH,
				MediaType.parseMediaType("application/x-www-form-urlencoded;charset=UTF-8"), form, Map.of());
		assertThat(withCharset.status()).isEqualTo(200);
	}

	@Test
	void refusesARepeatedParameterEvenWhenOneIsEmpty() {
		for (String form : List.of(GRANT + "&client_id=vapi&client_secret=&client_secret=" + CLIENT_SECRET,
				GRANT + "&client_id=vapi&client_secret=" + CLIENT_SECRET + "&client_secret=",
				GRANT + "&grant_type=&client_id=vapi&client_secret=" + CLIENT_SECRET,
				GRANT + "&client_id=&client_id=vapi&client_secret=" + CLIENT_SECRET)) {
			HttpExchange response = token(form, Map.of());
			assertThat(response.status()).as(form).isEqualTo(400);
			assertThat(response.body()).isEqualTo("{\"error\":\"invalid_request\"}");
		}
	}

	@Test
	void refusesAFormClientIdThatDiffersFromTheBasicOne() {
		String basic = Base64.getEncoder().encodeToString(("vapi:" + CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));
		HttpExchange other = token(GRANT + "&client_id=other", Map.of("Authorization", "Basic " + basic));
		assertThat(other.status()).isEqualTo(400);
		assertThat(other.body()).isEqualTo("{\"error\":\"invalid_request\"}");
		HttpExchange same = token(GRANT + "&client_id=vapi", Map.of("Authorization", "Basic " + basic));
		assertThat(same.status()).isEqualTo(200);
	}

	@Test
	void refusesATokenItIssuedOnceItHasExpired() {
		HttpExchange response = token(GRANT + "&client_id=vapi&client_secret=" + CLIENT_SECRET, Map.of());
		String accessToken = this.json.readTree(response.body()).get("access_token").asString();
		this.clock.advance(Duration.ofMinutes(12));
		double before = this.meters.counter(SignatureVerificationFilter.REJECTIONS_METER, "reason", "bad_token")
			.count();
		assertThat(webhook(accessToken).status()).isEqualTo(401);
		assertThat(this.meters.counter(SignatureVerificationFilter.REJECTIONS_METER, "reason", "bad_token").count())
			.isEqualTo(before + 1);
	}

	@Test
	void acceptsATokenFromTheTestSigner() {
		Map<String, String> headers = WebhookSigner.tokenEndpoint(SIGNING_SECRET)
			.headersFor(SignatureVerificationFilterTests.BODY, this.clock.instant());
		assertThat(HttpExchange.postWebhook(this.port, SignatureVerificationFilterTests.BODY, headers).status())
			.isEqualTo(200);
	}

	@Test
	void refusesATokenSignedWithAnotherSigningSecret() {
		Map<String, String> headers = WebhookSigner.tokenEndpoint("another-signing-secret-0123456789abcdef")
			.headersFor(SignatureVerificationFilterTests.BODY, this.clock.instant());
		assertThat(HttpExchange.postWebhook(this.port, SignatureVerificationFilterTests.BODY, headers).status())
			.isEqualTo(401);
	}

	@Test
	void refusesTheClientSecretAsAWebhookBearerToken() {
		assertThat(webhook(CLIENT_SECRET).status()).isEqualTo(401);
	}

	private HttpExchange token(String form, Map<String, String> headers) {
		return HttpExchange.post(this.port, PATH, MediaType.APPLICATION_FORM_URLENCODED, form, headers);
	}

	private HttpExchange webhook(String accessToken) {
		return HttpExchange.postWebhook(this.port, SignatureVerificationFilterTests.BODY,
				Map.of("Authorization", "Bearer " + accessToken));
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class TestClock {

		@Bean
		SettableClock clock() {
			return new SettableClock(Instant.now());
		}

	}

}

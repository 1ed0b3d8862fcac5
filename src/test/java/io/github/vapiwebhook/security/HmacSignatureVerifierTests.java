package io.github.vapiwebhook.security;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HmacSignatureVerifierTests {

	static final String BODY = "{\"message\":{\"type\":\"status-update\",\"status\":\"in-progress\",\"call\":{\"id\":\"call-123\"}}}";

	static final String SECRET = "whsec-test-secret";

	static final String TIMESTAMP = "1764165600";

	static final Instant NOW = Instant.ofEpochSecond(1764165600L);

	private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

	@Test
	void acceptsKnownAnswerSha256WithTimestampHex() {
		TwoStages verifier = verifier(plan(List.of(SECRET)));
		assertThat(verifier.verify(request(BODY, Map.of("x-signature",
				"fe4f3522eb0ac85d6416f27676934118bbbc659d261d3ae3925f937dc20efe88", "x-timestamp", TIMESTAMP))))
			.isEmpty();
	}

	@Test
	void acceptsKnownAnswerSha256BodyOnlyHex() {
		TwoStages verifier = verifier(new Plan().format("{body}").build());
		assertThat(verifier.verify(request(BODY, Map.of("x-signature",
				"fcf699c92591b44312cdb693e9127afff8c4c2808588d6a58102fe6b5383ef99", "x-timestamp", TIMESTAMP))))
			.isEmpty();
	}

	@Test
	void acceptsKnownAnswerSha512WithTimestampBase64() {
		TwoStages verifier = verifier(
				new Plan().algorithm(HmacAlgorithm.SHA512).encoding(SignatureEncoding.BASE64).build());
		assertThat(verifier.verify(request(BODY,
				Map.of("x-signature",
						"CNcewNHLlp4Iyo6CuQklmezuWqa1PXvfG1MBO6QOrn86Ryh6tiv4ZCUSeYhuG0iJhNf+U6lq/UoyeGRmVLyiyw==",
						"x-timestamp", TIMESTAMP))))
			.isEmpty();
	}

	@Test
	void acceptsKnownAnswerSha1BodyOnlyHexWithoutTimestamp() {
		TwoStages verifier = verifier(new Plan().algorithm(HmacAlgorithm.SHA1).includeTimestamp(false).build());
		assertThat(verifier.verify(request(BODY, Map.of("x-signature", "1014056908f2ba2dbd2b80f32770521f5c41d3ed"))))
			.isEmpty();
	}

	@Test
	void acceptsKnownAnswerWithBase64Secret() {
		TwoStages verifier = verifier(new Plan().secrets(List.of("c2VjcmV0LWJ5dGVz")).secretIsBase64(true).build());
		assertThat(verifier.verify(request(BODY, Map.of("x-signature",
				"950cccac28c8e04fa87abb7f6a26024bdc16d87578a03ae6d74388ae326aa9d9", "x-timestamp", TIMESTAMP))))
			.isEmpty();
	}

	@Test
	void acceptsUpperCaseHexAndConfiguredPrefix() {
		TwoStages verifier = verifier(new Plan().prefix("sha256=").build());
		assertThat(verifier.verify(request(BODY, Map.of("x-signature",
				"sha256=FE4F3522EB0AC85D6416F27676934118BBBC659D261D3AE3925F937DC20EFE88", "x-timestamp", TIMESTAMP))))
			.isEmpty();
	}

	@Test
	void rejectsSignatureWithoutConfiguredPrefix() {
		TwoStages verifier = verifier(new Plan().prefix("sha256=").build());
		assertThat(verifier.verify(request(BODY, Map.of("x-signature",
				"fe4f3522eb0ac85d6416f27676934118bbbc659d261d3ae3925f937dc20efe88", "x-timestamp", TIMESTAMP))))
			.contains(RejectionReason.BAD_SIGNATURE);
	}

	@Test
	void rejectsRequestWithoutSignatureHeader() {
		assertThat(verifier(plan(List.of(SECRET))).verify(request(BODY, Map.of("x-timestamp", TIMESTAMP))))
			.contains(RejectionReason.MISSING_CREDENTIAL);
	}

	@Test
	void rejectsRequestWithoutTimestampHeader() {
		Map<String, String> headers = new HashMap<>(WebhookSigner.hmac(SECRET).headersFor(BODY, NOW));
		headers.remove("x-timestamp");
		assertThat(verifier(plan(List.of(SECRET))).verify(request(BODY, headers)))
			.contains(RejectionReason.MISSING_CREDENTIAL);
	}

	@Test
	void rejectsSignatureThatIsNotHex() {
		assertThat(verifier(plan(List.of(SECRET)))
			.verify(request(BODY, Map.of("x-signature", "not-hex!", "x-timestamp", TIMESTAMP))))
			.contains(RejectionReason.BAD_SIGNATURE);
	}

	@Test
	void rejectsSignatureMadeWithAnotherSecret() {
		assertThat(verifier(plan(List.of(SECRET)))
			.verify(request(BODY, WebhookSigner.hmac("another-secret").headersFor(BODY, NOW))))
			.contains(RejectionReason.BAD_SIGNATURE);
	}

	@Test
	void rejectsBodyWithDifferentWhitespaceFromWhatWasSigned() {
		Map<String, String> headers = WebhookSigner.hmac(SECRET).headersFor(BODY, NOW);
		String reformatted = BODY.replace(",", ", ");
		assertThat(verifier(plan(List.of(SECRET))).verify(request(reformatted, headers)))
			.contains(RejectionReason.BAD_SIGNATURE);
	}

	@Test
	void acceptsUnusualJsonWhenItsRawBytesWereSigned() {
		// keys reordered, escaped unicode and odd spacing: a re-serialisation would
		// differ
		String raw = "{ \"message\" : {\"call\":{\"id\":\"call-\\u0031\"},  \"type\":\"status-update\"}}\n";
		Map<String, String> headers = WebhookSigner.hmac(SECRET).headersFor(raw, NOW);
		assertThat(verifier(plan(List.of(SECRET))).verify(request(raw, headers))).isEmpty();
	}

	@Test
	void acceptsCurrentAndPreviousSecretDuringRotation() {
		TwoStages verifier = verifier(plan(List.of("new-secret", "old-secret")));
		assertThat(verifier.verify(request(BODY, WebhookSigner.hmac("new-secret").headersFor(BODY, NOW)))).isEmpty();
		assertThat(verifier.verify(request(BODY, WebhookSigner.hmac("old-secret").headersFor(BODY, NOW)))).isEmpty();
	}

	@Test
	void rejectsSecretRemovedByRotation() {
		TwoStages verifier = verifier(plan(List.of("new-secret")));
		assertThat(verifier.verify(request(BODY, WebhookSigner.hmac("old-secret").headersFor(BODY, NOW))))
			.contains(RejectionReason.BAD_SIGNATURE);
	}

	@Test
	void acceptsTimestampsAtTheEdgesOfTheReplayWindow() {
		TwoStages verifier = verifier(plan(List.of(SECRET)));
		assertThat(verifySignedAt(verifier, NOW.minus(Duration.ofMinutes(5)))).isEmpty();
		assertThat(verifySignedAt(verifier, NOW.plus(Duration.ofMinutes(5)))).isEmpty();
	}

	@Test
	void rejectsRequestWithStaleTimestamp() {
		assertThat(verifySignedAt(verifier(plan(List.of(SECRET))), NOW.minus(Duration.ofMinutes(5)).minusSeconds(1)))
			.contains(RejectionReason.STALE_TIMESTAMP);
	}

	@Test
	void rejectsRequestWithTimestampTooFarInTheFuture() {
		assertThat(verifySignedAt(verifier(plan(List.of(SECRET))), NOW.plus(Duration.ofMinutes(5)).plusSeconds(1)))
			.contains(RejectionReason.STALE_TIMESTAMP);
	}

	@Test
	void acceptsTimestampInEpochMilliseconds() {
		Map<String, String> headers = WebhookSigner.builder(SECRET)
			.timestampInMillis(true)
			.build()
			.headersFor(BODY, NOW.minusMillis(1500));
		assertThat(headers.get("x-timestamp")).hasSize(13);
		assertThat(verifier(plan(List.of(SECRET))).verify(request(BODY, headers))).isEmpty();
	}

	@Test
	void rejectsStaleTimestampInEpochMilliseconds() {
		Map<String, String> headers = WebhookSigner.builder(SECRET)
			.timestampInMillis(true)
			.build()
			.headersFor(BODY, NOW.minus(Duration.ofMinutes(6)));
		assertThat(verifier(plan(List.of(SECRET))).verify(request(BODY, headers)))
			.contains(RejectionReason.STALE_TIMESTAMP);
	}

	@Test
	void rejectsSignedButUnreadableTimestamp() {
		TwoStages verifier = verifier(plan(List.of(SECRET)));
		String signature = new WebhookSignerProbe(SECRET).hexSignature("yesterday." + BODY);
		assertThat(verifier.verify(request(BODY, Map.of("x-signature", signature, "x-timestamp", "yesterday"))))
			.contains(RejectionReason.BAD_TIMESTAMP);
	}

	@Test
	void acceptsDifferentMessageIds() {
		TwoStages verifier = verifier(new Plan().messageIdHeader("svix-id").build());
		for (String id : List.of("msg_1", "msg_2")) {
			Map<String, String> headers = WebhookSigner.builder(SECRET)
				.messageId("svix-id", id)
				.build()
				.headersFor(BODY, NOW);
			assertThat(verifier.verify(request(BODY, headers))).isEmpty();
		}
	}

	@Test
	void rejectsRequestWithoutConfiguredMessageIdHeader() {
		TwoStages verifier = verifier(new Plan().messageIdHeader("svix-id").build());
		assertThat(verifier.verify(request(BODY, WebhookSigner.hmac(SECRET).headersFor(BODY, NOW))))
			.contains(RejectionReason.MISSING_CREDENTIAL);
	}

	@Test
	void signsMethodAndUrlPlaceholders() {
		TwoStages verifier = verifier(new Plan().format("{method} {url}\n{timestamp}.{body}").build());
		Map<String, String> headers = WebhookSigner.builder(SECRET)
			.payloadFormat("{method} {url}\n{timestamp}.{body}")
			.target("POST", "https://example.com/vapi/webhook")
			.build()
			.headersFor(BODY, NOW);
		Signed called = new Signed(new VerificationRequest("POST", "https://example.com/vapi/webhook", headers, null),
				BODY.getBytes(StandardCharsets.UTF_8));
		assertThat(verifier.verify(called)).isEmpty();
		Signed elsewhere = new Signed(
				new VerificationRequest("POST", "https://evil.example/vapi/webhook", headers, null),
				BODY.getBytes(StandardCharsets.UTF_8));
		assertThat(verifier.verify(elsewhere)).contains(RejectionReason.BAD_SIGNATURE);
	}

	@Test
	void decidesFromTheHeadersAloneWhenTheyCannotBeRight() {
		HmacSignatureVerifier verifier = new HmacSignatureVerifier(plan(List.of(SECRET)),
				new ReplayWindow(this.clock, Duration.ofMinutes(5)));
		Map<String, String> stale = WebhookSigner.hmac(SECRET).headersFor(BODY, NOW.minus(Duration.ofHours(1)));
		assertThat(verifier.verify(request(BODY, stale).request()))
			.isEqualTo(new Verdict.Refused(RejectionReason.STALE_TIMESTAMP));
		assertThat(verifier.verify(request(BODY, Map.of("x-timestamp", TIMESTAMP)).request()))
			.isEqualTo(new Verdict.Refused(RejectionReason.MISSING_CREDENTIAL));
		// a well-formed hex signature of the wrong length (16 bytes) cannot be a SHA-256
		// MAC
		assertThat(verifier
			.verify(request(BODY, Map.of("x-signature", "00112233445566778899aabbccddeeff", "x-timestamp", TIMESTAMP))
				.request()))
			.isEqualTo(new Verdict.Refused(RejectionReason.BAD_SIGNATURE));
	}

	@Test
	void waitsForTheBodyWhenTheHeadersAreWellFormed() {
		HmacSignatureVerifier verifier = new HmacSignatureVerifier(plan(List.of(SECRET)),
				new ReplayWindow(this.clock, Duration.ofMinutes(5)));
		assertThat(verifier.verify(request(BODY, WebhookSigner.hmac(SECRET).headersFor(BODY, NOW)).request()))
			.isInstanceOf(Verdict.NeedsBody.class);
	}

	@Test
	void signatureFedOneByteAtATimeMatchesAsTheWholeBodyWould() {
		HmacSignatureVerifier verifier = new HmacSignatureVerifier(plan(List.of(SECRET)),
				new ReplayWindow(this.clock, Duration.ofMinutes(5)));
		byte[] body = BODY.getBytes(StandardCharsets.UTF_8);
		Verdict verdict = verifier.verify(request(BODY, WebhookSigner.hmac(SECRET).headersFor(BODY, NOW)).request());
		BodySignature signature = ((Verdict.NeedsBody) verdict).signature();
		for (int i = 0; i < body.length; i++) {
			signature.update(body, i, 1);
		}
		assertThat(signature.matches(body)).isTrue();
	}

	@Test
	void acceptsAPayloadFormatThatHoldsTheBodyTwice() {
		String format = "{body}|{timestamp}|{body}";
		TwoStages verifier = verifier(new Plan().format(format).build());
		Map<String, String> headers = WebhookSigner.builder(SECRET).payloadFormat(format).build().headersFor(BODY, NOW);
		assertThat(verifier.verify(request(BODY, headers))).isEmpty();
		String probe = new WebhookSignerProbe(SECRET).hexSignature(BODY + "|" + TIMESTAMP + "|" + BODY);
		assertThat(verifier.verify(request(BODY, Map.of("x-signature", probe, "x-timestamp", TIMESTAMP)))).isEmpty();
	}

	private Optional<RejectionReason> verifySignedAt(TwoStages verifier, Instant signedAt) {
		return verifier.verify(request(BODY, WebhookSigner.hmac(SECRET).headersFor(BODY, signedAt)));
	}

	private TwoStages verifier(SecurityProperties.Hmac plan) {
		return new TwoStages(new HmacSignatureVerifier(plan, new ReplayWindow(this.clock, Duration.ofMinutes(5))));
	}

	static SecurityProperties.Hmac plan(List<String> secrets) {
		return new Plan().secrets(secrets).build();
	}

	static Signed request(String body, Map<String, String> headers) {
		return new Signed(new VerificationRequest("POST", "http://localhost/vapi/webhook", headers, null),
				body.getBytes(StandardCharsets.UTF_8));
	}

	static VerificationRequest headersOnly(String body, Map<String, String> headers) {
		return request(body, headers).request();
	}

	/**
	 * A request as the filter sees it: its headers first, its body later.
	 *
	 * @param request the request without its body
	 * @param body the body
	 */
	record Signed(VerificationRequest request, byte[] body) {
	}

	/**
	 * Runs a verifier as the filter does: the headers first, then, when it waits for the
	 * body, the body in two chunks, as it would arrive from the network.
	 */
	record TwoStages(HmacSignatureVerifier verifier) {

		Optional<RejectionReason> verify(Signed signed) {
			Verdict verdict = this.verifier.verify(signed.request());
			if (verdict instanceof Verdict.Refused refused) {
				return Optional.of(refused.reason());
			}
			BodySignature signature = ((Verdict.NeedsBody) verdict).signature();
			byte[] body = signed.body();
			int half = body.length / 2;
			signature.update(body, 0, half);
			signature.update(body, half, body.length - half);
			return signature.matches(body) ? Optional.empty() : Optional.of(RejectionReason.BAD_SIGNATURE);
		}

	}

	/** The HMAC plan with Vapi's defaults, changed field by field. */
	static final class Plan {

		private List<String> secrets = List.of(SECRET);

		private HmacAlgorithm algorithm = HmacAlgorithm.SHA256;

		private String prefix = "";

		private boolean includeTimestamp = true;

		private String format = "{timestamp}.{body}";

		private @Nullable String messageIdHeader;

		private SignatureEncoding encoding = SignatureEncoding.HEX;

		private boolean secretIsBase64;

		Plan secrets(List<String> secrets) {
			this.secrets = secrets;
			return this;
		}

		Plan algorithm(HmacAlgorithm algorithm) {
			this.algorithm = algorithm;
			return this;
		}

		Plan prefix(String prefix) {
			this.prefix = prefix;
			return this;
		}

		Plan includeTimestamp(boolean includeTimestamp) {
			this.includeTimestamp = includeTimestamp;
			return this;
		}

		Plan format(String format) {
			this.format = format;
			return this;
		}

		Plan messageIdHeader(String messageIdHeader) {
			this.messageIdHeader = messageIdHeader;
			return this;
		}

		Plan encoding(SignatureEncoding encoding) {
			this.encoding = encoding;
			return this;
		}

		Plan secretIsBase64(boolean secretIsBase64) {
			this.secretIsBase64 = secretIsBase64;
			return this;
		}

		SecurityProperties.Hmac build() {
			return new SecurityProperties.Hmac(this.secrets, this.algorithm, "x-signature", "x-timestamp", this.prefix,
					this.includeTimestamp, this.format, this.messageIdHeader, this.encoding, this.secretIsBase64);
		}

	}

	/**
	 * Computes a raw HMAC-SHA256 hex signature of a text, independent of the payload
	 * code.
	 */
	record WebhookSignerProbe(String secret) {

		String hexSignature(String text) {
			return SignatureEncoding.HEX
				.encode(HmacAlgorithm.SHA256.newMac(this.secret.getBytes(StandardCharsets.UTF_8))
					.doFinal(text.getBytes(StandardCharsets.UTF_8)));
		}

	}

}

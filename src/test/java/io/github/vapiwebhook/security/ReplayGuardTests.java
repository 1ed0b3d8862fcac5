package io.github.vapiwebhook.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import io.github.vapiwebhook.webhook.ProblemResponses;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.mock.web.MockHttpServletResponse;

import static io.github.vapiwebhook.security.HmacSignatureVerifierTests.BODY;
import static io.github.vapiwebhook.security.HmacSignatureVerifierTests.NOW;
import static io.github.vapiwebhook.security.HmacSignatureVerifierTests.SECRET;
import static org.assertj.core.api.Assertions.assertThat;

class ReplayGuardTests {

	private final MutableClock clock = new MutableClock(NOW);

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	private final AtomicInteger handled = new AtomicInteger();

	private ReplayGuard guard = guard(Duration.ofSeconds(20), 100, 1024 * 1024);

	@Test
	void handlesTheFirstRequestAndAnswersAnExactRepeatWithItsAnswer() throws Exception {
		MockHttpServletResponse first = handle(signed(NOW), ok("{\"results\":[1]}"));
		MockHttpServletResponse repeat = handle(signed(NOW), ok("{\"results\":[2]}"));
		assertThat(this.handled).hasValue(1);
		assertThat(first.getContentAsString()).isEqualTo("{\"results\":[1]}");
		assertThat(repeat.getStatus()).isEqualTo(200);
		assertThat(repeat.getContentType()).isEqualTo("application/json");
		assertThat(repeat.getContentAsString()).isEqualTo("{\"results\":[1]}");
		assertThat(this.meters.counter(ReplayGuard.REPLAYS).count()).isEqualTo(1);
	}

	@Test
	void theSameBodySignedAgainIsAnotherRequest() throws Exception {
		handle(signed(NOW), ok("{}"));
		handle(signed(NOW.plusSeconds(1)), ok("{}"));
		assertThat(this.handled).hasValue(2);
	}

	@Test
	void aRepeatOfARequestThatWasNotAnswered2xxIsHandledAgain() throws Exception {
		handle(signed(NOW), (response) -> {
			this.handled.incrementAndGet();
			response.setStatus(503);
		});
		MockHttpServletResponse retry = handle(signed(NOW), ok("{}"));
		assertThat(this.handled).hasValue(2);
		assertThat(retry.getStatus()).isEqualTo(200);
	}

	@Test
	void aRepeatOfARequestWhoseHandlingFailedIsHandledAgain() throws Exception {
		try {
			handle(signed(NOW), (response) -> {
				this.handled.incrementAndGet();
				throw new IllegalStateException("handler failed");
			});
		}
		catch (IllegalStateException expected) {
			// the failure goes on to the container
		}
		handle(signed(NOW), ok("{}"));
		assertThat(this.handled).hasValue(2);
	}

	@Test
	void aRepeatThatArrivesWhileTheFirstIsAnsweredWaitsForItsAnswer() throws Exception {
		CountDownLatch firstStarted = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		CompletableFuture<MockHttpServletResponse> first = CompletableFuture.supplyAsync(() -> {
			try {
				return handle(signed(NOW), (response) -> {
					firstStarted.countDown();
					await(release);
					ok("{\"first\":true}").proceed(response);
				});
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		});
		assertThat(firstStarted.await(5, TimeUnit.SECONDS)).isTrue();
		AtomicReference<MockHttpServletResponse> repeat = new AtomicReference<>();
		Thread repeating = new Thread(() -> {
			try {
				repeat.set(handle(signed(NOW), ok("{\"second\":true}")));
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		});
		repeating.start();
		// the repeat is waiting for the first answer before the first may finish
		while (repeating.getState() != Thread.State.TIMED_WAITING) {
			Thread.onSpinWait();
		}
		release.countDown();
		repeating.join(5000);
		assertThat(first.get(5, TimeUnit.SECONDS).getContentAsString()).isEqualTo("{\"first\":true}");
		assertThat(repeat.get().getContentAsString()).isEqualTo("{\"first\":true}");
		assertThat(this.handled).hasValue(1);
	}

	@Test
	void aRepeatThatWaitsLongerThanAnyDeadlineForTheFirstIsA503() throws Exception {
		this.guard = guard(Duration.ofMillis(50), 100, 1024 * 1024);
		CountDownLatch release = new CountDownLatch(1);
		CompletableFuture<Void> first = CompletableFuture.runAsync(() -> {
			try {
				handle(signed(NOW), (response) -> {
					this.handled.incrementAndGet();
					await(release);
				});
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		});
		while (this.handled.get() == 0) {
			Thread.onSpinWait();
		}
		MockHttpServletResponse repeat = handle(signed(NOW), ok("{}"));
		release.countDown();
		first.get(5, TimeUnit.SECONDS);
		assertThat(repeat.getStatus()).isEqualTo(503);
		assertThat(repeat.getHeader("Retry-After")).isEqualTo("1");
		assertThat(repeat.getContentType()).startsWith("application/problem+json");
	}

	@Test
	void aMessageIdUnderAnotherSignatureIsRefusedButOneWhoseRequestWasRefusedMayComeAgain() throws Exception {
		assertThat(outcome(withMessageId("msg_1", NOW), 200)).isEmpty();
		assertThat(outcome(withMessageId("msg_1", NOW.plusSeconds(1)), 200))
			.contains(RejectionReason.DUPLICATE_MESSAGE);
		assertThat(outcome(withMessageId("msg_2", NOW), 503)).isEmpty();
		assertThat(outcome(withMessageId("msg_2", NOW.plusSeconds(1)), 200)).isEmpty();
	}

	@Test
	void aMessageIdSeenByAnotherInstanceUnderAnotherSignatureIsRefused() throws Exception {
		InMemoryMessageIdCache shared = new InMemoryMessageIdCache(1000);
		this.guard = guard(shared);
		assertThat(outcome(withMessageId("msg_1", NOW), 200)).isEmpty();
		this.guard = guard(shared);
		assertThat(outcome(withMessageId("msg_1", NOW.plusSeconds(1)), 200))
			.contains(RejectionReason.DUPLICATE_MESSAGE);
		assertThat(this.handled).hasValue(1);
	}

	@Test
	void anExactRepeatFirstAnsweredByAnotherInstanceIsHandledAgainHere() throws Exception {
		InMemoryMessageIdCache shared = new InMemoryMessageIdCache(1000);
		this.guard = guard(shared);
		assertThat(outcome(withMessageId("msg_1", NOW), 200)).isEmpty();
		this.guard = guard(shared);
		assertThat(outcome(withMessageId("msg_1", NOW), 200)).isEmpty();
		assertThat(this.handled).hasValue(2);
	}

	@Test
	void aRequestWhoseMessageIdCannotBeCheckedIsA503ToRetry() throws Exception {
		this.guard = guard(new MessageIdCache() {

			@Override
			public Sighting see(String messageId, String signature, Instant now, Instant expiry) {
				throw new DataAccessResourceFailureException("The database is down");
			}

			@Override
			public void forget(String messageId, String signature) {
			}

		});
		MockHttpServletResponse response = handle(withMessageId("msg_1", NOW), ok("{}"));
		assertThat(response.getStatus()).isEqualTo(503);
		assertThat(response.getHeader("Retry-After")).isEqualTo("1");
		assertThat(this.handled).hasValue(0);
	}

	@Test
	void forgetsARequestOnceItsSignatureCanNoLongerBeValid() throws Exception {
		handle(signed(NOW), ok("{}"));
		this.clock.advance(Duration.ofMinutes(10).plusSeconds(1));
		handle(signed(NOW), ok("{}"));
		assertThat(this.handled).hasValue(2);
	}

	@Test
	void remembersAtMostTheConfiguredNumberOfRequestsForgettingTheOldestFirst() throws Exception {
		this.guard = guard(Duration.ofSeconds(20), 2, 1024 * 1024);
		for (int second = 0; second < 3; second++) {
			handle(signed(NOW.plusSeconds(second)), ok("{}"));
		}
		assertThat(this.guard.size()).isEqualTo(2);
		handle(signed(NOW.plusSeconds(2)), ok("{}"));
		assertThat(this.handled).hasValue(3);
		handle(signed(NOW), ok("{}"));
		assertThat(this.handled).hasValue(4);
	}

	@Test
	void keepsAtMostTheConfiguredBytesOfAnswers() throws Exception {
		this.guard = guard(Duration.ofSeconds(20), 100, 1000);
		String large = "{\"r\":\"" + "x".repeat(600) + "\"}";
		handle(signed(NOW), ok(large));
		handle(signed(NOW.plusSeconds(1)), ok(large));
		assertThat(this.guard.size()).isEqualTo(1);
	}

	private Optional<RejectionReason> outcome(BodySignature signature, int status) throws Exception {
		return this.guard.handle(signature, new MockHttpServletResponse(), (response) -> {
			this.handled.incrementAndGet();
			response.setStatus(status);
		});
	}

	private MockHttpServletResponse handle(BodySignature signature, ReplayGuard.Next next) throws Exception {
		MockHttpServletResponse response = new MockHttpServletResponse();
		assertThat(this.guard.handle(signature, response, next)).isEmpty();
		return response;
	}

	private ReplayGuard.Next ok(String body) {
		return (response) -> {
			this.handled.incrementAndGet();
			writeJson(response, body);
		};
	}

	private static void writeJson(HttpServletResponse response, String body) throws IOException {
		response.setStatus(200);
		response.setContentType("application/json");
		response.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
	}

	private ReplayGuard guard(Duration waitForFirst, int maxEntries, long maxStoredBytes) {
		return new ReplayGuard(this.clock, Duration.ofMinutes(5), waitForFirst, maxEntries, maxStoredBytes,
				new InMemoryMessageIdCache(1000), this.meters, new ProblemResponses(JsonMapper.builder().build()));
	}

	// a guard of another instance with the same message ids, as in one database
	private ReplayGuard guard(MessageIdCache messageIds) {
		return new ReplayGuard(this.clock, Duration.ofMinutes(5), Duration.ofSeconds(20), 100, 1024 * 1024, messageIds,
				this.meters, new ProblemResponses(JsonMapper.builder().build()));
	}

	private BodySignature signed(Instant at) {
		return signature(new HmacSignatureVerifierTests.Plan().build(),
				WebhookSigner.hmac(SECRET).headersFor(BODY, at));
	}

	private BodySignature withMessageId(String id, Instant at) {
		Map<String, String> headers = WebhookSigner.builder(SECRET)
			.messageId("svix-id", id)
			.build()
			.headersFor(BODY, at);
		return signature(new HmacSignatureVerifierTests.Plan().messageIdHeader("svix-id").build(), headers);
	}

	private BodySignature signature(SecurityProperties.Hmac plan, Map<String, String> headers) {
		HmacSignatureVerifier verifier = new HmacSignatureVerifier(plan,
				new ReplayWindow(Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofMinutes(5)));
		Verdict verdict = verifier.verify(HmacSignatureVerifierTests.headersOnly(BODY, headers));
		BodySignature signature = ((Verdict.NeedsBody) verdict).signature();
		byte[] body = BODY.getBytes(StandardCharsets.UTF_8);
		signature.update(body, 0, body.length);
		assertThat(signature.matches(body)).isTrue();
		return signature;
	}

	private void await(CountDownLatch latch) {
		try {
			assertThat(latch.await(5, TimeUnit.SECONDS)).isTrue();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** A clock the test moves on. */
	static final class MutableClock extends Clock {

		private Instant now;

		MutableClock(Instant now) {
			this.now = now;
		}

		void advance(Duration duration) {
			this.now = this.now.plus(duration);
		}

		@Override
		public Instant instant() {
			return this.now;
		}

		@Override
		public ZoneOffset getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(java.time.ZoneId zone) {
			return this;
		}

	}

}

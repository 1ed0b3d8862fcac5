package io.github.vapiwebhook.delivery;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.vapiwebhook.VapiWebhookApplication;
import io.github.vapiwebhook.message.EndOfCallReportMessage;
import io.github.vapiwebhook.message.ServerMessage;
import io.github.vapiwebhook.message.ServerMessageReader;
import io.github.vapiwebhook.message.StatusUpdateMessage;
import io.github.vapiwebhook.security.WebhookSigner;
import io.github.vapiwebhook.testing.TestDatabases;
import io.github.vapiwebhook.webhook.InboxUnavailableException;
import io.github.vapiwebhook.webhook.ListenerInbox;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.modulith.events.FailedEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Durable delivery against a real database (H2 always, PostgreSQL when configured): the
 * server started as it runs, with a durable listener of the test's.
 */
@ExtendWith(OutputCaptureExtension.class)
class DurableDeliveryTests {

	private static final String SECRET = "whsec-durable";

	private static final String API_KEY = "durable-api-key";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final ServerMessageReader reader = new ServerMessageReader();

	private final List<ConfigurableApplicationContext> contexts = new ArrayList<>();

	@BeforeEach
	void freshListener() {
		ReportListener.recorder = new Recorder();
	}

	@AfterEach
	void stop() {
		ReportListener.recorder.release.countDown();
		this.contexts.forEach(ConfigurableApplicationContext::close);
	}

	static List<String> databases() {
		return TestDatabases.names();
	}

	@ParameterizedTest
	@MethodSource("databases")
	void aReportIsStoredBeforeItIsAcknowledgedAndDeliveredAfterwards(String database) {
		ConfigurableApplicationContext context = start(TestDatabases.newDatabase(database));
		ReportListener.recorder.block = true;
		inbox(context).accept(report("call-stored"));
		// accept has returned: the answer could go out now, and the publication is there
		assertThat(publications(context)).isEqualTo(1);
		// this test's listener and the call store's: both pending until delivered
		assertThat(gauge(context, "vapi.delivery.pending")).isGreaterThanOrEqualTo(1);
		ReportListener.recorder.release.countDown();
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(ReportListener.recorder.delivered).containsKey("call-stored"));
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(publications(context)).isZero());
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(gauge(context, "vapi.delivery.pending")).isZero());
	}

	@ParameterizedTest
	@MethodSource("databases")
	void aRepeatedReportIsAcknowledgedWithoutBeingDeliveredAgain(String database) {
		ConfigurableApplicationContext context = start(TestDatabases.newDatabase(database));
		inbox(context).accept(report("call-repeated"));
		inbox(context).accept(report("call-repeated"));
		inbox(context).accept(report("call-other"));
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(
					() -> assertThat(ReportListener.recorder.delivered).containsKeys("call-repeated", "call-other"));
		assertThat(ReportListener.recorder.delivered.get("call-repeated")).hasValue(1);
		assertThat(context.getBean(io.micrometer.core.instrument.MeterRegistry.class)
			.counter("vapi.delivery.repeats", "type", "end-of-call-report")
			.count()).isEqualTo(1);
	}

	@ParameterizedTest
	@MethodSource("databases")
	void aFailingListenerIsRetriedThenLeftAsADeadLetterThenResubmitted(String database) {
		ConfigurableApplicationContext context = start(TestDatabases.newDatabase(database),
				"vapi.delivery.retry.max-attempts=3", "vapi.delivery.retry.initial-backoff=100ms",
				"vapi.delivery.retry.interval=100ms");
		ReportListener.recorder.failures = 100;
		inbox(context).accept(report("call-failing"));
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(ReportListener.recorder.attempts.get()).isEqualTo(3));
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(failed(context)).isEqualTo(1));
		assertThat(gauge(context, "vapi.delivery.failed")).isEqualTo(1);
		// a dead letter: the retries leave it alone
		context.getBean(DeliveryRetries.class).runOnce();
		context.getBean(DeliveryRetries.class).runOnce();
		assertThat(ReportListener.recorder.attempts.get()).isEqualTo(3);
		ReportListener.recorder.failures = 0;
		context.getBean(FailedEventPublications.class).resubmit(ResubmissionOptions.defaults());
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(ReportListener.recorder.delivered).containsKey("call-failing"));
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(publications(context)).isZero());
	}

	@ParameterizedTest
	@MethodSource("databases")
	void aFailedDeliveryIsListedWithItsErrorAndRetriedThroughTheApi(String database) {
		ConfigurableApplicationContext context = start(TestDatabases.newDatabase(database),
				"vapi.delivery.retry.max-attempts=2", "vapi.delivery.retry.initial-backoff=100ms",
				"vapi.delivery.retry.interval=100ms");
		ReportListener.recorder.failures = 100;
		inbox(context).accept(report("call-api-failing"));
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(ReportListener.recorder.attempts.get()).isEqualTo(2));
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(failed(context)).isEqualTo(1));
		RestClient api = RestClient.create("http://127.0.0.1:" + port(context));
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			JsonNode page = JSON.readTree(get(api, "/api/deliveries/failed", API_KEY));
			assertThat(page.get("total").asInt()).isEqualTo(1);
			JsonNode delivery = page.get("deliveries").get(0);
			assertThat(delivery.get("listener").asString()).contains("ReportListener.on(");
			assertThat(delivery.get("messageType").asString()).isEqualTo("end-of-call-report");
			assertThat(delivery.get("callId").asString()).isEqualTo("call-api-failing");
			assertThat(delivery.get("attempts").asInt()).isEqualTo(2);
			// no tries left: a dead letter
			assertThat(delivery.get("nextRetryAt").isNull()).isTrue();
			assertThat(delivery.get("lastError").asString())
				.isEqualTo("java.lang.IllegalStateException: the listener failed");
			assertThat(delivery.get("lastErrorAt").isNull()).isFalse();
		});
		String id = JSON.readTree(get(api, "/api/deliveries/failed", API_KEY))
			.get("deliveries")
			.get(0)
			.get("id")
			.asString();
		assertThat(exchange(api, "POST", "/api/deliveries/" + id + "/retry", null)).startsWith("401 ");
		assertThat(exchange(api, "POST", "/api/deliveries/not-an-id/retry", API_KEY)).startsWith("400 ");
		ReportListener.recorder.failures = 0;
		assertThat(exchange(api, "POST", "/api/deliveries/" + id + "/retry", API_KEY))
			.isEqualTo("202 {\"id\":\"" + id + "\",\"status\":\"resubmitted\"}");
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(ReportListener.recorder.delivered).containsKey("call-api-failing"));
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(publications(context)).isZero());
		assertThat(JSON.readTree(get(api, "/api/deliveries/failed", API_KEY)).get("total").asInt()).isZero();
		assertThat(exchange(api, "POST", "/api/deliveries/" + id + "/retry", API_KEY)).startsWith("404 ");
		// the error of a completed delivery is forgotten
		context.getBean(DeliveryRetries.class).runOnce();
		assertThat(count(context, "SELECT COUNT(*) FROM delivery_failure")).isZero();
	}

	@ParameterizedTest
	@MethodSource("databases")
	void deadLettersDoNotHideADeliveryThatIsDue(String database) {
		ConfigurableApplicationContext context = start(TestDatabases.newDatabase(database),
				"vapi.delivery.retry.max-attempts=3", "vapi.delivery.retry.initial-backoff=1h",
				"vapi.delivery.retry.interval=1h", "vapi.calls.enabled=false");
		int dead = 600;
		ReportListener.recorder.failures = dead + 1;
		for (int i = 0; i < dead; i++) {
			inbox(context).accept(report("call-dead-" + i));
		}
		await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(failed(context)).isEqualTo(dead));
		JdbcTemplate jdbc = new JdbcTemplate(context.getBean(javax.sql.DataSource.class));
		jdbc.update("UPDATE event_publication SET completion_attempts = 3");
		inbox(context).accept(report("call-due"));
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(failed(context)).isEqualTo(dead + 1));
		// its backoff has passed
		java.sql.Timestamp before = java.sql.Timestamp.from(Instant.now().minus(Duration.ofHours(2)));
		jdbc.update("UPDATE event_publication SET publication_date = ?, last_resubmission_date = ? "
				+ "WHERE COALESCE(completion_attempts, 0) < 3", before, before);
		ReportListener.recorder.failures = 0;
		context.getBean(DeliveryRetries.class).runOnce();
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(ReportListener.recorder.delivered).containsOnlyKeys("call-due"));
		assertThat(failed(context)).isEqualTo(dead);
	}

	@ParameterizedTest
	@MethodSource("databases")
	void aDeliveryLeftUnfinishedByAProcessThatDiedIsDeliveredAfterRestart(String database) {
		String url = TestDatabases.newDatabase(database);
		ConfigurableApplicationContext died = start(url);
		ReportListener.recorder.block = true;
		inbox(died).accept(report("call-orphaned"));
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(processing(died)).isEqualTo(1));
		// the process dies while its listener is at work: the publication stays claimed
		died.close();
		this.contexts.remove(died);
		Recorder before = ReportListener.recorder;
		ReportListener.recorder = new Recorder();
		ConfigurableApplicationContext restarted = start(url, "spring.modulith.events.staleness.processing=1s",
				"spring.modulith.events.staleness.check-intervall=200ms", "vapi.delivery.retry.interval=100ms",
				"vapi.delivery.retry.initial-backoff=100ms");
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(ReportListener.recorder.delivered).containsKey("call-orphaned"));
		assertThat(before.delivered).doesNotContainKey("call-orphaned");
		before.release.countDown();
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(publications(restarted)).isZero());
	}

	@ParameterizedTest
	@MethodSource("databases")
	void twoInstancesOnOneDatabaseDeliverABurstWithNoneMissedAndNoneHandledTwiceAtOnce(String database) {
		String url = TestDatabases.newDatabase(database);
		ConfigurableApplicationContext first = start(url);
		ConfigurableApplicationContext second = start(url);
		int burst = 60;
		for (int i = 0; i < burst; i++) {
			inbox((i % 2 == 0) ? first : second).accept(report("call-burst-" + i));
		}
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(ReportListener.recorder.delivered).hasSize(burst));
		assertThat(ReportListener.recorder.mostAtOnce.values()).allSatisfy((most) -> assertThat(most).hasValue(1));
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(publications(first)).isZero());
	}

	@ParameterizedTest
	@MethodSource("databases")
	void anEventWithFieldsMissingOrOfTheWrongShapeIsAcknowledgedKeptAsReceivedAndDeliveredWithoutThem(String database,
			CapturedOutput output) {
		ConfigurableApplicationContext context = start(TestDatabases.newDatabase(database));
		ReportListener.recorder.block = true;
		String message = "{\"type\":\"end-of-call-report\",\"call\":{\"id\":\"call-lenient\",\"startedAt\":\"at noon\"},"
				+ "\"cost\":\"a few cents\",\"analysis\":{\"structuredData\":{\"booked\":true}}}";
		assertThat(post(context, "{\"message\":" + message + "}")).isEqualTo("200 {}");
		// kept before the answer, as received: the dropped values too
		assertThat(JSON.readTree(jdbc(context).queryForObject(
				"SELECT serialized_event FROM event_publication WHERE listener_id LIKE '%ReportListener%'",
				String.class)))
			.isEqualTo(JSON.readTree(message));
		ReportListener.recorder.release.countDown();
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(ReportListener.recorder.reports).containsKey("call-lenient"));
		EndOfCallReportMessage delivered = ReportListener.recorder.reports.get("call-lenient");
		assertThat(delivered.endedReason()).isNull();
		assertThat(delivered.cost()).isNull();
		assertThat(delivered.call().startedAt()).isNull();
		assertThat(delivered.analysis().structuredData().get("booked").asBoolean()).isTrue();
		assertThat(delivered.droppedFields()).containsExactly("message.call.startedAt", "message.cost",
				"message.endedReason");
		// the call store keeps the report as received
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(jdbc(context).queryForList(
					"SELECT report FROM call_record WHERE call_id = 'call-lenient' AND report IS NOT NULL",
					String.class))
				.singleElement()
				.satisfies((report) -> assertThat(JSON.readTree(report)).isEqualTo(JSON.readTree(message))));
		MeterRegistry meters = context.getBean(MeterRegistry.class);
		for (String field : List.of("message.call.startedAt", "message.cost", "message.endedReason")) {
			assertThat(output).contains(
					"Read a message of type end-of-call-report without its field " + field + ", which was missing");
			assertThat(meters.get("vapi.webhook.dropped.fields")
				.tags("type", "end-of-call-report", "field", field)
				.counter()
				.count()).isEqualTo(1);
		}
		assertThat(output).doesNotContain("at noon").doesNotContain("a few cents");
	}

	@ParameterizedTest
	@MethodSource("databases")
	void aStatusUpdateWithoutStatusIsAcknowledgedAndItsCallStored(String database, CapturedOutput output) {
		ConfigurableApplicationContext context = start(TestDatabases.newDatabase(database));
		// two distinct updates: an exact repeat of a signed request would not be
		// dispatched again
		for (int timestamp = 1; timestamp <= 2; timestamp++) {
			assertThat(post(context, "{\"message\":{\"type\":\"status-update\",\"timestamp\":" + timestamp
					+ ",\"call\":{\"id\":\"call-no-status\"}}}"))
				.isEqualTo("200 {}");
		}
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(
					count(context, "SELECT COUNT(*) FROM call_record WHERE call_id = 'call-no-status'"))
				.isEqualTo(1));
		assertThat(count(context, "SELECT COUNT(*) FROM call_status WHERE call_id = 'call-no-status'")).isZero();
		assertThat(output)
			.contains("Read a message of type status-update without its field message.status, which was missing");
		assertThat(context.getBean(MeterRegistry.class)
			.get("vapi.webhook.dropped.fields")
			.tags("type", "status-update", "field", "message.status")
			.counter()
			.count()).isEqualTo(2);
	}

	@Test
	void aReportThatCannotBeStoredIsAnswered503AndNotAcknowledged() {
		ConfigurableApplicationContext context = start(TestDatabases.newDatabase("h2"));
		new JdbcTemplate(context.getBean(javax.sql.DataSource.class)).execute("DROP TABLE event_publication");
		assertThatExceptionOfType(InboxUnavailableException.class)
			.isThrownBy(() -> inbox(context).accept(report("call-lost")));
		int port = ((WebServerApplicationContext) context).getWebServer().getPort();
		String body = "{\"message\":{\"type\":\"end-of-call-report\",\"endedReason\":\"customer-ended-call\","
				+ "\"call\":{\"id\":\"call-503\"},\"analysis\":{},\"artifact\":{}}}";
		String answer = RestClient.create("http://127.0.0.1:" + port)
			.post()
			.uri("/vapi/webhook")
			.contentType(MediaType.APPLICATION_JSON)
			.headers((headers) -> WebhookSigner.hmac(SECRET).headersFor(body, Instant.now()).forEach(headers::add))
			.body(body.getBytes(StandardCharsets.UTF_8))
			.exchange((request, response) -> response.getStatusCode().value() + " "
					+ response.getHeaders().getFirst("Retry-After") + " "
					+ new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8));
		assertThat(answer).startsWith("503 1 ").contains("\"status\":503");
		// a type that is not kept is still acknowledged, in memory
		String hang = "{\"message\":{\"type\":\"hang\",\"call\":{\"id\":\"call-503\"}}}";
		int status = RestClient.create("http://127.0.0.1:" + port)
			.post()
			.uri("/vapi/webhook")
			.contentType(MediaType.APPLICATION_JSON)
			.headers((headers) -> WebhookSigner.hmac(SECRET).headersFor(hang, Instant.now()).forEach(headers::add))
			.body(hang.getBytes(StandardCharsets.UTF_8))
			.exchange((request, response) -> response.getStatusCode().value());
		assertThat(status).isEqualTo(200);
	}

	@Test
	void aDurableListenerOfATypeThatIsNotKeptStopsStartup() {
		assertThatExceptionOfType(IllegalStateException.class)
			.isThrownBy(() -> new SpringApplicationBuilder(VapiWebhookApplication.class, TranscriptListener.class)
				.run(java.util.Arrays.stream(properties(TestDatabases.newDatabase("h2")))
					.map((property) -> "--" + property)
					.toArray(String[]::new))
				.close())
			.withMessageContaining("TranscriptListener")
			.withMessageContaining("vapi.delivery.durable-types");
	}

	private ConfigurableApplicationContext start(String url, String... more) {
		List<String> properties = new ArrayList<>(List.of(properties(url)));
		properties.addAll(List.of(more));
		// as arguments: they must win over the operator's ./application.yml
		ConfigurableApplicationContext context = new SpringApplicationBuilder(VapiWebhookApplication.class,
				ReportListener.class)
			.run(properties.stream().map((property) -> "--" + property).toArray(String[]::new));
		this.contexts.add(context);
		return context;
	}

	private static String[] properties(String url) {
		return new String[] { "server.port=0", "spring.datasource.url=" + url,
				"spring.datasource.username=" + (url.startsWith("jdbc:h2") ? "sa" : ""),
				"vapi.security.hmac.secrets=" + SECRET, "vapi.calls.api.keys=" + API_KEY, "logging.level.root=WARN",
				"spring.application.name=durable-" + UUID.randomUUID() };
	}

	// the status and the body
	private static String post(ConfigurableApplicationContext context, String body) {
		return RestClient.create("http://127.0.0.1:" + port(context))
			.post()
			.uri("/vapi/webhook")
			.contentType(MediaType.APPLICATION_JSON)
			.headers((headers) -> WebhookSigner.hmac(SECRET).headersFor(body, Instant.now()).forEach(headers::add))
			.body(body.getBytes(StandardCharsets.UTF_8))
			.exchange((request, response) -> response.getStatusCode().value() + " "
					+ new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8));
	}

	private static JdbcTemplate jdbc(ConfigurableApplicationContext context) {
		return new JdbcTemplate(context.getBean(javax.sql.DataSource.class));
	}

	private static int port(ConfigurableApplicationContext context) {
		return ((WebServerApplicationContext) context).getWebServer().getPort();
	}

	private static String get(RestClient api, String path, String key) {
		String answer = exchange(api, "GET", path, key);
		assertThat(answer).startsWith("200 ");
		return answer.substring(4);
	}

	// the status and the body
	private static String exchange(RestClient api, String method, String path, @Nullable String key) {
		return api.method(org.springframework.http.HttpMethod.valueOf(method)).uri(path).headers((headers) -> {
			if (key != null) {
				headers.add("X-Api-Key", key);
			}
		})
			.exchange((request, response) -> response.getStatusCode().value() + " "
					+ new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8));
	}

	private static ListenerInbox inbox(ConfigurableApplicationContext context) {
		return context.getBean(ListenerInbox.class);
	}

	private ServerMessage report(String callId) {
		return this.reader
			.read(("{\"message\":{\"type\":\"end-of-call-report\",\"endedReason\":\"customer-ended-call\","
					+ "\"call\":{\"id\":\"" + callId + "\"},\"analysis\":{\"summary\":\"s\"},\"artifact\":{}}}")
				.getBytes(StandardCharsets.UTF_8));
	}

	private static int publications(ConfigurableApplicationContext context) {
		// the server's own CallStoreListener receives the same reports: count this test's
		// listener
		return count(context, "SELECT COUNT(*) FROM event_publication WHERE listener_id LIKE '%ReportListener%'");
	}

	private static double gauge(ConfigurableApplicationContext context, String name) {
		return context.getBean(io.micrometer.core.instrument.MeterRegistry.class).get(name).gauge().value();
	}

	private static int failed(ConfigurableApplicationContext context) {
		return count(context, "SELECT COUNT(*) FROM event_publication WHERE status = 'FAILED'");
	}

	private static int processing(ConfigurableApplicationContext context) {
		return count(context, "SELECT COUNT(*) FROM event_publication WHERE status = 'PROCESSING'");
	}

	private static int count(ConfigurableApplicationContext context, String sql) {
		Integer count = new JdbcTemplate(context.getBean(javax.sql.DataSource.class)).queryForObject(sql,
				Integer.class);
		return (count != null) ? count : 0;
	}

	/** What the durable listener saw, shared by every context of a test. */
	static final class Recorder {

		final Map<String, AtomicInteger> delivered = new ConcurrentHashMap<>();

		final Map<String, EndOfCallReportMessage> reports = new ConcurrentHashMap<>();

		final Map<String, AtomicInteger> atOnce = new ConcurrentHashMap<>();

		final Map<String, AtomicInteger> mostAtOnce = new ConcurrentHashMap<>();

		final AtomicInteger attempts = new AtomicInteger();

		final CountDownLatch release = new CountDownLatch(1);

		volatile boolean block;

		volatile int failures;

	}

	/** A durable listener of the application. */
	static class ReportListener {

		static volatile Recorder recorder = new Recorder();

		@ApplicationModuleListener
		void on(EndOfCallReportMessage report) {
			Recorder seen = recorder;
			String callId = report.callId();
			int now = seen.atOnce.computeIfAbsent(callId, (id) -> new AtomicInteger()).incrementAndGet();
			seen.mostAtOnce.computeIfAbsent(callId, (id) -> new AtomicInteger()).accumulateAndGet(now, Math::max);
			try {
				seen.attempts.incrementAndGet();
				if (seen.block) {
					awaitUninterruptibly(seen.release);
				}
				if (seen.failures > 0) {
					seen.failures--;
					throw new IllegalStateException("the listener failed");
				}
				seen.reports.put(callId, report);
				seen.delivered.computeIfAbsent(callId, (id) -> new AtomicInteger()).incrementAndGet();
			}
			finally {
				seen.atOnce.get(callId).decrementAndGet();
			}
		}

	}

	/**
	 * Waits as a listener of a process that dies would: shutting the application down
	 * does not end it, so its publication stays claimed (processing), never completed or
	 * failed.
	 */
	private static void awaitUninterruptibly(CountDownLatch latch) {
		long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
		while (latch.getCount() > 0 && System.nanoTime() < end) {
			try {
				latch.await(end - System.nanoTime(), TimeUnit.NANOSECONDS);
			}
			catch (InterruptedException ex) {
				// a dead process does not answer its interrupts either
			}
		}
	}

	/** A durable listener of a type that is not kept. */
	static class TranscriptListener {

		@ApplicationModuleListener
		void on(io.github.vapiwebhook.message.TranscriptMessage transcript) {
		}

	}

}

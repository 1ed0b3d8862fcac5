package io.github.vapiwebhook.calls;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.github.vapiwebhook.VapiWebhookApplication;
import io.github.vapiwebhook.testing.SettableClock;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The call API over real HTTP, with its key from the configuration (two keys: rotation).
 * The calls are written through the store, as the listener writes them; the subclasses
 * run this on each test database. Every test writes calls of its own.
 */
@SpringBootTest(classes = { VapiWebhookApplication.class, CallsApiTests.TestClock.class },
		webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "vapi.calls.api.keys=test-key,previous-key", "vapi.security.shared-secret.secrets=test-secret" })
abstract class CallsApiTests {

	private static final String KEY = "test-key";

	private final CallMessages messages = new CallMessages();

	private final JsonMapper json = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Autowired
	CallStore store;

	@Autowired
	CallRetention retention;

	@Autowired
	Clock clock;

	@Test
	void listsCallsFirstStoredLastFirstWithoutPersonalData() {
		seed("list-1", "list", Instant.parse("2024-01-01T10:00:00Z"), "customer-ended-call");
		seed("list-2", "list", Instant.parse("2024-01-01T09:00:00Z"), "silence-timed-out");
		Answer answer = get("/api/calls?assistantId=list", KEY);
		assertThat(answer.status()).isEqualTo(200);
		assertThat(answer.contentType()).startsWith("application/json");
		JsonNode page = answer.json();
		assertThat(ids(page)).containsExactly("list-2", "list-1");
		assertThat(page.get("nextCursor").isNull()).isTrue();
		JsonNode call = page.get("calls").get(1);
		assertThat(call.get("assistantId").asString()).isEqualTo("list");
		assertThat(call.get("status").isNull()).isTrue();
		assertThat(call.get("startedAt").asString()).isEqualTo("2024-01-01T10:00:00Z");
		assertThat(call.get("endedAt").asString()).isEqualTo("2024-01-01T10:01:00Z");
		assertThat(call.get("durationSeconds").asDouble()).isEqualTo(60.0);
		assertThat(call.get("endedReason").asString()).isEqualTo("customer-ended-call");
		assertThat(call.get("cost").toString()).isEqualTo("0.834");
		assertThat(answer.body()).doesNotContain("+14155550123").doesNotContain("Dana");
	}

	@Test
	void filtersByStartTimeEndedReasonAndAssistant() {
		seed("filter-1", "filter", Instant.parse("2024-02-01T10:00:00Z"), "customer-ended-call");
		seed("filter-2", "filter", Instant.parse("2024-02-01T11:00:00Z"), "silence-timed-out");
		seed("filter-3", "filter", Instant.parse("2024-02-01T12:00:00Z"), "customer-ended-call");
		seed("filter-4", "other", Instant.parse("2024-02-01T11:30:00Z"), "customer-ended-call");
		assertThat(
				ids(get("/api/calls?assistantId=filter&from=2024-02-01T10:30:00Z&to=2024-02-01T12:00:00Z", KEY).json()))
			.containsExactly("filter-2");
		assertThat(ids(get("/api/calls?assistantId=filter&endedReason=customer-ended-call", KEY).json()))
			.containsExactly("filter-3", "filter-1");
		assertThat(ids(get("/api/calls?from=2024-02-01T11:00:00Z&to=2024-02-01T12:00:00Z", KEY).json()))
			.containsExactly("filter-4", "filter-2");
		assertThat(ids(
				get("/api/calls?from=2024-02-01T12:00:00Z&to=2024-02-02T00:00:00Z&endedReason=" + "customer-ended-call",
						KEY)
					.json()))
			.containsExactly("filter-3");
	}

	@Test
	void pagesThroughEveryCallExactlyOnceWhileCallsAreAdded() {
		List<String> stored = new ArrayList<>();
		for (int i = 0; i < 7; i++) {
			stored.add("page-" + i);
			seed("page-" + i, "pages", Instant.parse("2024-03-01T10:00:00Z").plusSeconds(i), "customer-ended-call");
		}
		List<String> listed = new ArrayList<>();
		JsonNode page = get("/api/calls?assistantId=pages&limit=3", KEY).json();
		listed.addAll(ids(page));
		seed("page-new", "pages", Instant.parse("2024-03-01T09:00:00Z"), "customer-ended-call");
		List<Integer> sizes = new ArrayList<>(List.of(ids(page).size()));
		while (!page.get("nextCursor").isNull()) {
			page = get("/api/calls?assistantId=pages&limit=3&cursor=" + page.get("nextCursor").asString(), KEY).json();
			listed.addAll(ids(page));
			sizes.add(ids(page).size());
		}
		assertThat(sizes).containsExactly(3, 3, 1);
		assertThat(listed).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(stored);
		assertThat(ids(get("/api/calls?assistantId=pages&limit=200", KEY).json())).hasSize(8).startsWith("page-new");
	}

	@Test
	void answersOneCallWithItsStatusTimelineAndReport() {
		this.store
			.recordStatus(this.messages.status("detail-1", "in-progress", Instant.parse("2025-11-26T17:40:01.200Z")));
		this.store.recordStatus(this.messages.status("detail-1", "ended", Instant.parse("2025-11-26T17:47:54Z")));
		this.store.recordReport(this.messages.report("detail-1"));
		Answer answer = get("/api/calls/detail-1", KEY);
		assertThat(answer.status()).isEqualTo(200);
		JsonNode call = answer.json();
		assertThat(call.get("id").asString()).isEqualTo("detail-1");
		assertThat(call.get("status").asString()).isEqualTo("ended");
		assertThat(call.get("statusTimeline").toString()).isEqualTo(
				"[{\"status\":\"in-progress\",\"at\":\"2025-11-26T17:40:01.200Z\"},{\"status\":\"ended\",\"at\":\"2025-11-26T17:47:54Z\"}]");
		assertThat(call.get("startedAt").asString()).isEqualTo("2025-11-26T17:40:01.200Z");
		assertThat(call.get("durationSeconds").asDouble()).isEqualTo(472.78);
		assertThat(call.get("endedReason").asString()).isEqualTo("customer-ended-call");
		assertThat(call.get("customerNumber").asString()).isEqualTo("+14155550123");
		assertThat(call.get("summary").asString()).startsWith("Dana Whitfield called");
		assertThat(call.get("structuredData").get("intent").asString()).isEqualTo("reschedule");
		assertThat(call.get("successEvaluation").asString()).isEqualTo("true");
		assertThat(call.get("costBreakdown").get("total").decimalValue()).isEqualByComparingTo("0.834");
		assertThat(call.get("costs")).hasSize(7);
		assertThat(call.get("recordings").get("mono").asString()).endsWith("-mono.wav");
		assertThat(call.get("transcriptAvailable").asBoolean()).isTrue();
		assertThat(call.get("purgedAt").isNull()).isTrue();
	}

	@Test
	void anUnknownCallIsA404Problem() {
		Answer answer = get("/api/calls/no-such-call", KEY);
		assertThat(answer.status()).isEqualTo(404);
		assertThat(answer.contentType()).startsWith("application/problem+json");
		assertThat(answer.json().get("detail").asString()).isEqualTo("No call with this id is stored");
		assertThat(get("/api/calls/no-such-call/transcript", KEY).json().get("detail").asString())
			.isEqualTo("No call with this id is stored");
	}

	@Test
	void theTranscriptIsTextOrJson() {
		this.store.recordReport(this.messages.report("transcript-1"));
		String transcript = this.messages.report("transcript-1").fullTranscript();
		Answer text = get("/api/calls/transcript-1/transcript", KEY, "text/plain");
		assertThat(text.status()).isEqualTo(200);
		assertThat(text.contentType()).startsWith("text/plain");
		assertThat(text.body()).isEqualTo(transcript);
		Answer json = get("/api/calls/transcript-1/transcript", KEY, "application/json");
		assertThat(json.contentType()).startsWith("application/json");
		assertThat(json.json().get("callId").asString()).isEqualTo("transcript-1");
		assertThat(json.json().get("transcript").asString()).isEqualTo(transcript);
		// like the rest of the API, JSON unless asked otherwise
		assertThat(get("/api/calls/transcript-1/transcript", KEY).contentType()).startsWith("application/json");
		assertThat(get("/api/calls/transcript-1/transcript", KEY, "*/*").contentType()).startsWith("application/json");
	}

	@Test
	void aMissingTranscriptIsA404ThatSaysWhetherTheReportHasNotArrivedOrWasPurged() {
		this.store.recordStatus(this.messages.status("no-report", "ended", Instant.parse("2025-11-26T17:47:54Z")));
		Answer notYet = get("/api/calls/no-report/transcript", KEY, "text/plain");
		assertThat(notYet.status()).isEqualTo(404);
		assertThat(notYet.contentType()).startsWith("application/problem+json");
		assertThat(notYet.json().get("detail").asString()).contains("has not arrived");
		this.store.recordReport(this.messages.report("purged"));
		((SettableClock) this.clock).advance(Duration.ofDays(31));
		this.retention.purge();
		Answer purged = get("/api/calls/purged/transcript", KEY, "application/json");
		assertThat(purged.status()).isEqualTo(404);
		assertThat(purged.json().get("detail").asString()).contains("purged");
		JsonNode call = get("/api/calls/purged", KEY).json();
		assertThat(call.get("purgedAt").isNull()).isFalse();
		assertThat(call.get("transcriptAvailable").asBoolean()).isFalse();
		assertThat(call.get("cost").decimalValue()).isEqualByComparingTo("0.834");
	}

	@Test
	void refusesRequestsWithoutAKeyOrWithAWrongOne() {
		for (String key : new String[] { null, "wrong-key", "", "test-secret" }) {
			Answer answer = get("/api/calls", key);
			assertThat(answer.status()).as("key %s", key).isEqualTo(401);
			assertThat(answer.contentType()).startsWith("application/problem+json");
			assertThat(answer.json().get("detail").asString()).isEqualTo("A valid API key is required");
		}
		assertThat(get("/api/calls/no-such-call", null).status()).isEqualTo(401);
		assertThat(get("/api/calls", "previous-key").status()).isEqualTo(200);
	}

	@Test
	void badFiltersLimitsAndCursorsAre400Problems() {
		for (String query : List.of("from=yesterday", "to=2024-01-01", "limit=0", "limit=201", "limit=ten",
				"cursor=bm90LWEtY3Vyc29y", "from=2024-01-02T00:00:00Z&to=2024-01-01T00:00:00Z")) {
			Answer answer = get("/api/calls?" + query, KEY);
			assertThat(answer.status()).as(query).isEqualTo(400);
			assertThat(answer.contentType()).startsWith("application/problem+json");
			assertThat(answer.json().get("detail").asString()).as(query).isNotBlank();
		}
	}

	@Test
	void noOtherSpellingOfThePathAnswersWithoutAKey() throws Exception {
		this.store.recordReport(this.messages.report("spelling-1"));
		HttpClient client = HttpClient.newHttpClient();
		for (String path : List.of("/api/calls/", "/api/calls;x=1", "/api//calls", "/api/%63alls",
				"/api/calls/spelling-1/", "/api/calls/x/../spelling-1", "/api/calls/%2e%2e/calls", "/API/calls",
				"/api/calls/spelling-1;x=1/transcript")) {
			HttpResponse<String> answer = client.send(
					HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path)).build(),
					HttpResponse.BodyHandlers.ofString());
			// refused by the key filter, or no endpoint at all (paths are case-sensitive)
			assertThat(answer.statusCode()).as(path).isIn(401, 404);
			assertThat(answer.body()).as(path).doesNotContain("spelling-1").doesNotContain("\"calls\"");
		}
	}

	private void seed(String callId, String assistantId, Instant startedAt, String endedReason) {
		this.store.recordReport(this.messages.report(callId, (message) -> {
			message.put("startedAt", startedAt.toString());
			message.put("endedAt", startedAt.plusSeconds(60).toString());
			message.put("endedReason", endedReason);
			((ObjectNode) message.get("call")).put("assistantId", assistantId);
		}));
		// calls stored later sort first
		((SettableClock) this.clock).advance(Duration.ofSeconds(1));
	}

	private static List<String> ids(JsonNode page) {
		List<String> ids = new ArrayList<>();
		page.get("calls").forEach((call) -> ids.add(call.get("id").asString()));
		return ids;
	}

	private Answer get(String path, @Nullable String key) {
		return get(path, key, null);
	}

	private Answer get(String path, @Nullable String key, @Nullable String accept) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path));
		if (key != null) {
			request.header("X-Api-Key", key);
		}
		if (accept != null) {
			request.header("Accept", accept);
		}
		try {
			HttpResponse<String> response = HttpClient.newHttpClient()
				.send(request.build(), HttpResponse.BodyHandlers.ofString());
			return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
					response.body(), this.json);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	record Answer(int status, String contentType, String body, JsonMapper mapper) {

		JsonNode json() {
			return this.mapper.readTree(this.body);
		}

	}

	@TestConfiguration(proxyBeanMethods = false)
	static class TestClock {

		@Bean
		SettableClock clock() {
			return new SettableClock(Instant.parse("2026-03-02T08:00:00Z"));
		}

	}

}

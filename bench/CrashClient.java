import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.vapiwebhook.security.WebhookSigner;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The client of bench/crash.sh, in two modes.
 *
 * send PORT SECRET COUNT CONNECTIONS RUN_ID ACKED_FILE KILL_AFTER SERVER_PID: posts COUNT signed
 * end-of-call reports (each for a call of its own, with one of four ended reasons) to
 * 127.0.0.1:PORT over CONNECTIONS connections, one attempt each, and appends "callId endedReason"
 * to ACKED_FILE for every report answered 200. When the KILL_AFTER-th 200 arrives it sends SIGKILL
 * to SERVER_PID (the server bench/crash.sh started), while the other connections still have
 * reports in flight; the reports not yet sent then fail (not acknowledged). Prints one line:
 * "sent N, acknowledged A, refused F, other status S, killed yes|no".
 *
 * check PORT API_KEY ACKED_FILE DELIVERED_FILE TIMEOUT_SECONDS: waits (at most TIMEOUT_SECONDS)
 * until every acknowledged call id is in DELIVERED_FILE (one line per delivery, written by
 * bench/CrashListener.java) and in the call store (GET /api/calls, every page) with the ended
 * reason its report had, then prints "N acknowledged, D delivered, L lost" and a line of details;
 * exits 1 when a report was lost or a call is stored twice.
 *
 * Run with: java -cp EXTRACTED_SERVER_JAR bench/CrashClient.java MODE ...
 */
public class CrashClient {

	static final String[] REASONS = { "customer-ended-call", "assistant-ended-call", "silence-timed-out",
			"voicemail" };

	public static void main(String[] args) throws Exception {
		switch (args[0]) {
			case "send" -> send(Integer.parseInt(args[1]), WebhookSigner.hmac(args[2]), Integer.parseInt(args[3]),
					Integer.parseInt(args[4]), args[5], Path.of(args[6]), Integer.parseInt(args[7]),
					Long.parseLong(args[8]));
			case "check" -> System.exit(check(Integer.parseInt(args[1]), args[2], Path.of(args[3]), Path.of(args[4]),
					Integer.parseInt(args[5])));
			default -> throw new IllegalArgumentException("mode: send or check");
		}
	}

	// ------------------------------------------------------------------------------------------
	// send

	static void send(int port, WebhookSigner signer, int count, int connections, String runId, Path acked,
			int killAfter, long serverPid) throws Exception {
		HttpClient http = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(2))
			.build();
		URI uri = URI.create("http://127.0.0.1:" + port + "/vapi/webhook");
		AtomicInteger next = new AtomicInteger();
		AtomicInteger ok = new AtomicInteger();
		AtomicInteger refused = new AtomicInteger();
		AtomicInteger other = new AtomicInteger();
		boolean[] killed = new boolean[1];
		try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(acked, StandardCharsets.UTF_8))) {
			List<Thread> workers = new ArrayList<>();
			for (int c = 0; c < connections; c++) {
				Thread worker = new Thread(() -> {
					for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
						String callId = UUID.nameUUIDFromBytes((runId + "/" + i).getBytes(StandardCharsets.UTF_8))
							.toString();
						String reason = REASONS[i % REASONS.length];
						byte[] body = report(callId, reason, i).getBytes(StandardCharsets.UTF_8);
						HttpRequest.Builder request = HttpRequest.newBuilder(uri)
							.timeout(Duration.ofSeconds(10))
							.header("Content-Type", "application/json")
							.POST(HttpRequest.BodyPublishers.ofByteArray(body));
						signer.headersFor(body, Instant.now()).forEach(request::header);
						try {
							int status = http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
							if (status != 200) {
								other.incrementAndGet();
								continue;
							}
							synchronized (out) {
								out.println(callId + " " + reason);
								out.flush();
							}
							if (ok.incrementAndGet() == killAfter) {
								// SIGKILL, mid-burst: the other connections have reports in flight
								ProcessHandle.of(serverPid).ifPresent(ProcessHandle::destroyForcibly);
								killed[0] = true;
							}
						}
						catch (IOException ex) {
							refused.incrementAndGet();
						}
						catch (InterruptedException ex) {
							Thread.currentThread().interrupt();
							return;
						}
					}
				}, "sender-" + c);
				worker.start();
				workers.add(worker);
			}
			for (Thread worker : workers) {
				worker.join();
			}
		}
		System.out.printf("sent %d, acknowledged %d, refused %d, other status %d, killed %s%n", count, ok.get(),
				refused.get(), other.get(), killed[0] ? "yes" : "no");
	}

	/** A compact end-of-call report of Vapi's shape, for its own call. */
	static String report(String callId, String reason, int i) {
		StringBuilder transcript = new StringBuilder();
		StringBuilder messages = new StringBuilder();
		for (int turn = 0; turn < 8; turn++) {
			boolean bot = turn % 2 == 0;
			String text = bot ? "We have openings on Tuesday at nine thirty and Wednesday at two. Which works for you?"
					: "Wednesday at two, please. What should I bring to the first visit?";
			long time = 1764152131000L + turn * 4000L;
			messages.append(messages.isEmpty() ? "" : ",")
				.append("{\"role\":\"%s\",\"message\":\"%s\",\"time\":%d,\"endTime\":%d,\"secondsFromStart\":%d}"
					.formatted(bot ? "bot" : "user", text, time, time + 3500, turn * 4));
			transcript.append(bot ? "AI: " : "User: ").append(text).append("\\n");
		}
		return """
				{"message":{"type":"end-of-call-report","endedReason":"%s",\
				"startedAt":"2026-11-26T10:15:31.001Z","endedAt":"2026-11-26T10:22:51.001Z","cost":%s,\
				"costs":[{"type":"transport","provider":"twilio","minutes":7.33,"cost":0.0586}],\
				"analysis":{"summary":"The caller booked a first visit for Wednesday at two.",\
				"structuredData":{"booked":true},"successEvaluation":"true"},\
				"artifact":{"messages":[%s],"transcript":"%s",\
				"recording":{"stereoUrl":"https://storage.vapi.ai/%s-stereo.wav","mono":{"combinedUrl":"https://storage.vapi.ai/%s-mono.wav"}}},\
				"call":{"id":"%s","orgId":"5f2b7f1e-3c4d-4e5f-8a9b-0c1d2e3f4a5b","type":"inboundPhoneCall",\
				"status":"ended","createdAt":"2026-11-26T10:15:30.123Z","startedAt":"2026-11-26T10:15:31.001Z",\
				"assistantId":"a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d","phoneNumberId":"9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a",\
				"customer":{"number":"+14155550123"}},\
				"customer":{"number":"+14155550123","name":"Jane Roe"},\
				"timestamp":1764152571001}}""".formatted(reason, "0." + (1000 + i), messages, transcript, callId, callId,
				callId);
	}

	// ------------------------------------------------------------------------------------------
	// check

	static int check(int port, String apiKey, Path ackedFile, Path deliveredFile, int timeoutSeconds)
			throws Exception {
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
		JsonMapper json = JsonMapper.builder().build();
		Map<String, String> acked = new LinkedHashMap<>();
		for (String line : Files.readAllLines(ackedFile)) {
			String[] parts = line.split(" ");
			acked.put(parts[0], parts[1]);
		}
		long start = System.nanoTime();
		long deadline = start + timeoutSeconds * 1_000_000_000L;
		while (true) {
			Map<String, Integer> deliveries = deliveries(deliveredFile);
			Map<String, List<String>> stored;
			try {
				stored = stored(http, json, port, apiKey);
			}
			catch (IOException ex) {
				// the restarted server may answer 503 for a moment: try again until the deadline
				if (System.nanoTime() > deadline) {
					throw ex;
				}
				System.err.println("GET /api/calls failed, trying again: " + ex);
				Thread.sleep(500);
				continue;
			}
			List<String> missing = new ArrayList<>();
			int delivered = 0;
			for (Map.Entry<String, String> report : acked.entrySet()) {
				boolean reached = deliveries.containsKey(report.getKey());
				delivered += reached ? 1 : 0;
				List<String> rows = stored.getOrDefault(report.getKey(), List.of());
				if (!reached || rows.size() != 1 || !report.getValue().equals(rows.get(0))) {
					missing.add(report.getKey());
				}
			}
			long storedTwice = stored.values().stream().filter((rows) -> rows.size() > 1).count();
			boolean done = missing.isEmpty() && storedTwice == 0;
			if (done || System.nanoTime() > deadline) {
				int lines = deliveries.values().stream().mapToInt(Integer::intValue).sum();
				long unacknowledged = deliveries.keySet().stream().filter((id) -> !acked.containsKey(id)).count();
				System.out.printf("%d acknowledged, %d delivered, %d lost%n", acked.size(), delivered, missing.size());
				System.out.printf("duplicates: %d deliveries beyond the first (allowed: at least once), %d calls stored "
						+ "more than once; %d deliveries of %d calls, %d calls in the store, %d of them delivered but not "
						+ "acknowledged (in flight at the kill); waited %.1f s after the restarted server answered%n",
						lines - deliveries.size(), storedTwice, lines, deliveries.size(), stored.size(), unacknowledged,
						(System.nanoTime() - start) / 1e9);
				if (!missing.isEmpty()) {
					System.out.println("lost (missing from the listener or the store, or stored with another reason): "
							+ String.join(" ", missing.subList(0, Math.min(10, missing.size())))
							+ (missing.size() > 10 ? " ..." : ""));
				}
				return done ? 0 : 1;
			}
			Thread.sleep(500);
		}
	}

	static Map<String, Integer> deliveries(Path file) throws IOException {
		Map<String, Integer> seen = new HashMap<>();
		if (Files.exists(file)) {
			for (String line : Files.readAllLines(file)) {
				if (!line.isBlank()) {
					seen.merge(line.strip(), 1, Integer::sum);
				}
			}
		}
		return seen;
	}

	/** Every call of the store, by id: the ended reason of each row with that id. */
	static Map<String, List<String>> stored(HttpClient http, JsonMapper json, int port, String apiKey)
			throws IOException, InterruptedException {
		Map<String, List<String>> rows = new HashMap<>();
		String cursor = null;
		do {
			String uri = "http://127.0.0.1:" + port + "/api/calls?limit=200"
					+ ((cursor != null) ? "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8) : "");
			HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(uri))
				.timeout(Duration.ofSeconds(10))
				.header("X-Api-Key", apiKey)
				.build(), HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() != 200) {
				throw new IOException("GET /api/calls answered " + response.statusCode() + ": " + response.body());
			}
			JsonNode page = json.readTree(response.body());
			for (JsonNode call : page.path("calls")) {
				rows.computeIfAbsent(call.path("id").asString(), (id) -> new ArrayList<>())
					.add(call.path("endedReason").asString());
			}
			JsonNode nextCursor = page.path("nextCursor");
			cursor = nextCursor.isString() ? nextCursor.asString() : null;
		}
		while (cursor != null);
		return rows;
	}

}

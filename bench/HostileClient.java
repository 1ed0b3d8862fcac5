import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

import io.github.vapiwebhook.security.WebhookSigner;

/**
 * One attack on the webhook server, for bench/hostile.sh: CONNECTIONS attacker connections run
 * the named attack for SECONDS (each reconnects when the server closes it), while a probe sends
 * one signed tool call every 100 ms on a new connection and times it, from connecting to the
 * last byte of the answer. Everything goes to 127.0.0.1 and stops by itself.
 *
 * Run with: java -cp target/classes bench/HostileClient.java PORT SECRET ATTACK CONNECTIONS SECONDS
 * Attacks:
 *   slow-body         headers declaring an 8 MB body (no credential), ten body bytes, then silence
 *   slow-body-forged  the same with a well-formed HMAC signature and a fresh timestamp, which cannot
 *                     be refused before the body is read
 *   drip              a 2 KB body (no credential), one byte every 100 ms
 *   drip-forged       the same with a forged signature
 *   slowloris         a request line, then one header line a second, never ending the headers
 *   big-headers       requests with one 100 KB header, or 500 headers, as fast as answered
 *   flood             8 MB bodies without a credential, as fast as the server takes them
 *   flood-forged      8 MB bodies with a forged signature, which the server must read to refuse
 *   none              no attack: the probe alone, for a baseline
 * Prints one line: "attack probes p50_ms p99_ms max_ms non2xx probe_errors attacker_connections"
 * followed by up to three lines describing probe failures.
 */
public class HostileClient {

	private static final String PATH = "/vapi/webhook";

	private static final int EIGHT_MB = 8_000_000;

	public static void main(String[] args) throws Exception {
		int port = Integer.parseInt(args[0]);
		WebhookSigner signer = WebhookSigner.hmac(args[1]);
		String attack = args[2];
		int connections = Integer.parseInt(args[3]);
		long end = System.nanoTime() + Long.parseLong(args[4]) * 1_000_000_000L;
		AtomicLong opened = new AtomicLong();
		List<Thread> attackers = new ArrayList<>();
		if (!attack.equals("none")) {
			for (int i = 0; i < connections; i++) {
				Thread thread = new Thread(() -> attack(attack, port, end, opened), "attacker-" + i);
				thread.setDaemon(true);
				thread.start();
				attackers.add(thread);
			}
		}
		// let the attack take hold before probing
		Thread.sleep(Math.min(1000, Math.max(0, (end - System.nanoTime()) / 4_000_000)));
		Probe probe = new Probe(port, signer);
		while (System.nanoTime() < end) {
			long next = System.nanoTime() + 100_000_000L;
			probe.send();
			long wait = next - System.nanoTime();
			if (wait > 0) {
				Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
			}
		}
		for (Thread thread : attackers) {
			thread.join(2000);
		}
		probe.print(attack, opened.get());
	}

	private static void attack(String attack, int port, long end, AtomicLong opened) {
		while (System.nanoTime() < end) {
			try (Socket socket = new Socket()) {
				socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
				opened.incrementAndGet();
				socket.setSoTimeout(200);
				run(attack, socket, end);
			}
			catch (IOException ex) {
				// the server closed or refused the connection: open another one
				pause(20);
			}
		}
	}

	private static void run(String attack, Socket socket, long end) throws IOException {
		OutputStream out = socket.getOutputStream();
		switch (attack) {
			case "slow-body" -> slowBody(out, socket, end, false);
			case "slow-body-forged" -> slowBody(out, socket, end, true);
			case "drip" -> drip(out, socket, end, false);
			case "drip-forged" -> drip(out, socket, end, true);
			case "slowloris" -> slowloris(out, socket, end);
			case "big-headers" -> bigHeaders(out, socket);
			case "flood" -> flood(out, socket, false);
			case "flood-forged" -> flood(out, socket, true);
			default -> throw new IllegalArgumentException("Unknown attack " + attack);
		}
	}

	private static void slowBody(OutputStream out, Socket socket, long end, boolean forged) throws IOException {
		out.write(head(EIGHT_MB, forged));
		out.write("{\"message\"".getBytes(StandardCharsets.US_ASCII));
		out.flush();
		holdUntilClosed(socket, end, () -> {
		});
	}

	private static void drip(OutputStream out, Socket socket, long end, boolean forged) throws IOException {
		byte[] body = new byte[2048];
		Arrays.fill(body, (byte) ' ');
		body[0] = '{';
		body[body.length - 1] = '}';
		out.write(head(body.length, forged));
		out.flush();
		int[] sent = { 0 };
		holdUntilClosed(socket, end, () -> {
			if (sent[0] < body.length) {
				out.write(body[sent[0]++]);
				out.flush();
			}
		});
	}

	private static void slowloris(OutputStream out, Socket socket, long end) throws IOException {
		out.write(("POST " + PATH + " HTTP/1.1\r\nHost: 127.0.0.1\r\n").getBytes(StandardCharsets.US_ASCII));
		out.flush();
		int[] count = { 0 };
		long[] last = { System.nanoTime() };
		holdUntilClosed(socket, end, () -> {
			if (System.nanoTime() - last[0] > 1_000_000_000L) {
				last[0] = System.nanoTime();
				out.write(("X-Slow-" + count[0]++ + ": a\r\n").getBytes(StandardCharsets.US_ASCII));
				out.flush();
			}
		});
	}

	private static void bigHeaders(OutputStream out, Socket socket) throws IOException {
		StringBuilder head = new StringBuilder("POST " + PATH + " HTTP/1.1\r\nHost: 127.0.0.1\r\n");
		if (Math.random() < 0.5) {
			head.append("X-Big: ").append("a".repeat(100_000)).append("\r\n");
		}
		else {
			for (int i = 0; i < 500; i++) {
				head.append("X-Many-").append(i).append(": a\r\n");
			}
		}
		head.append("Content-Type: application/json\r\nContent-Length: 2\r\n\r\n{}");
		out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
		out.flush();
		drain(socket);
	}

	private static void flood(OutputStream out, Socket socket, boolean forged) throws IOException {
		byte[] chunk = new byte[64 * 1024];
		Arrays.fill(chunk, (byte) ' ');
		out.write(head(EIGHT_MB, forged));
		out.write('{');
		for (int sent = 1; sent < EIGHT_MB;) {
			int n = Math.min(chunk.length, EIGHT_MB - 1 - sent);
			if (n <= 0) {
				break;
			}
			out.write(chunk, 0, n);
			sent += n;
		}
		out.write('}');
		out.flush();
		drain(socket);
	}

	private static byte[] head(int contentLength, boolean forged) {
		StringBuilder head = new StringBuilder("POST " + PATH + " HTTP/1.1\r\nHost: 127.0.0.1\r\n");
		if (forged) {
			byte[] fake = new byte[32];
			new java.security.SecureRandom().nextBytes(fake);
			head.append("x-signature: ").append(HexFormat.of().formatHex(fake)).append("\r\n");
			head.append("x-timestamp: ").append(Instant.now().getEpochSecond()).append("\r\n");
		}
		head.append("Content-Type: application/json\r\nContent-Length: ").append(contentLength).append("\r\n\r\n");
		return head.toString().getBytes(StandardCharsets.US_ASCII);
	}

	/** Runs the step every 100 ms until the server closes the connection or the attack ends. */
	private static void holdUntilClosed(Socket socket, long end, Step step) throws IOException {
		InputStream in = socket.getInputStream();
		byte[] buffer = new byte[4096];
		while (System.nanoTime() < end) {
			step.run();
			try {
				if (in.read(buffer) < 0) {
					return;
				}
			}
			catch (java.net.SocketTimeoutException ex) {
				// nothing from the server yet: keep holding
			}
			pause(100);
		}
	}

	/** Reads the answer (or anything) until the server closes or goes quiet for 2 s. */
	private static void drain(Socket socket) throws IOException {
		socket.setSoTimeout(2000);
		InputStream in = socket.getInputStream();
		byte[] buffer = new byte[4096];
		try {
			while (in.read(buffer) >= 0) {
				// discard
			}
		}
		catch (java.net.SocketTimeoutException ex) {
			// keep-alive: the answer is in, the connection stays open; close it
		}
	}

	private static void pause(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private interface Step {

		void run() throws IOException;

	}

	/** Signed tool calls of the example current_time tool, each with its own tool call id. */
	private static final class Probe {

		private final int port;

		private final WebhookSigner signer;

		private final List<Long> latencies = new ArrayList<>();

		private final ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();

		private long non2xx;

		private long errors;

		private int sequence;

		Probe(int port, WebhookSigner signer) {
			this.port = port;
			this.signer = signer;
		}

		void send() {
			String id = "call_probe_" + ProcessHandle.current().pid() + "_" + (this.sequence++);
			byte[] body = ("{\"message\":{\"type\":\"tool-calls\",\"timestamp\":" + System.currentTimeMillis()
					+ ",\"call\":{\"id\":\"probe-call\",\"orgId\":\"org\"},\"toolCallList\":[{\"id\":\"" + id
					+ "\",\"type\":\"function\",\"function\":{\"name\":\"current_time\","
					+ "\"arguments\":{\"timeZone\":\"Europe/Paris\"}}}],\"toolWithToolCallList\":[]}}")
				.getBytes(StandardCharsets.UTF_8);
			StringBuilder head = new StringBuilder("POST " + PATH + " HTTP/1.1\r\nHost: 127.0.0.1\r\n");
			for (Map.Entry<String, String> header : this.signer.headersFor(body, Instant.now()).entrySet()) {
				head.append(header.getKey()).append(": ").append(header.getValue()).append("\r\n");
			}
			head.append("Content-Type: application/json\r\nConnection: close\r\nContent-Length: ")
				.append(body.length)
				.append("\r\n\r\n");
			long start = System.nanoTime();
			try (Socket socket = new Socket()) {
				socket.connect(new InetSocketAddress("127.0.0.1", this.port), 10_000);
				socket.setSoTimeout(10_000);
				OutputStream out = socket.getOutputStream();
				ByteArrayOutputStream request = new ByteArrayOutputStream();
				request.write(head.toString().getBytes(StandardCharsets.US_ASCII));
				request.write(body);
				out.write(request.toByteArray());
				out.flush();
				byte[] answer = socket.getInputStream().readAllBytes();
				this.latencies.add(System.nanoTime() - start);
				String text = new String(answer, StandardCharsets.UTF_8);
				// the example tool's answer: a result for this call, not an error
				if (!text.startsWith("HTTP/1.1 2") || !text.contains(id) || !text.contains("\"result\"")) {
					this.non2xx++;
					fail(text.lines().findFirst().orElse("(empty answer)"));
				}
			}
			catch (IOException ex) {
				this.latencies.add(System.nanoTime() - start);
				this.errors++;
				fail(ex.toString());
			}
		}

		private void fail(String what) {
			if (this.failures.size() < 3) {
				this.failures.add(what);
			}
		}

		void print(String attack, long attackerConnections) {
			long[] all = this.latencies.stream().mapToLong(Long::longValue).sorted().toArray();
			System.out.printf(Locale.ROOT, "%s %d %.1f %.1f %.1f %d %d %d%n", attack, all.length, percentile(all, 50),
					percentile(all, 99), (all.length > 0) ? all[all.length - 1] / 1e6 : 0.0, this.non2xx,
					this.errors, attackerConnections);
			this.failures.forEach((failure) -> System.out.println("  probe failure: " + failure));
		}

		private static double percentile(long[] sorted, double p) {
			if (sorted.length == 0) {
				return 0;
			}
			int index = (int) Math.ceil(p / 100 * sorted.length) - 1;
			return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
		}

	}

}

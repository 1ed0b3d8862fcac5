import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import io.github.vapiwebhook.security.WebhookSigner;

/**
 * A closed-loop latency probe: CONNECTIONS keep-alive connections, each sending the next
 * request as soon as the previous answer has been read, timing every request from its first
 * byte written to the last byte of its answer read. It exists because wrk's latency figures
 * on this machine break Little's law (mean latency x throughput came out at 1.3 to 9 times
 * the number of connections), so they cannot be trusted for a p99; this probe prints the
 * same product as a self-check (it must come out at about CONNECTIONS).
 *
 * Every request is new: the probe replaces TEMPLATE_ID in the body of TEMPLATE.json (written
 * by BenchPayloads) with an id of its own and signs the body with the project's WebhookSigner
 * (HMAC with SECRET, the timestamp taken then), before the clock of that request starts.
 * Requests of the warm-up (the probe's own JIT warms up too) are not counted.
 * Run with: java -cp target/classes bench/LatencyProbe.java TEMPLATE.json TEMPLATE_ID SECRET PORT
 * CONNECTIONS SECONDS [WARMUP_SECONDS]
 * Prints: "rps p50_ms p99_ms p999_ms mean_ms concurrency non200".
 */
public class LatencyProbe {

	public static void main(String[] args) throws Exception {
		String template = Files.readString(Path.of(args[0]));
		String templateId = args[1];
		WebhookSigner signer = WebhookSigner.hmac(args[2]);
		int port = Integer.parseInt(args[3]);
		int connections = Integer.parseInt(args[4]);
		long nanos = Long.parseLong(args[5]) * 1_000_000_000L;
		long warmup = ((args.length > 6) ? Long.parseLong(args[6]) : 0) * 1_000_000_000L;
		if (!template.contains(templateId)) {
			throw new IllegalArgumentException(templateId + " does not occur in " + args[0]);
		}
		String run = Long.toString(System.currentTimeMillis(), 36);
		long start = System.nanoTime() + warmup;
		long end = start + nanos;
		AtomicLong failures = new AtomicLong();
		long[][] latencies = new long[connections][];
		Thread[] threads = new Thread[connections];
		for (int c = 0; c < connections; c++) {
			int connection = c;
			AtomicLong counter = new AtomicLong();
			Supplier<byte[]> requests = () -> request(signer,
					template.replace(templateId, "probe-" + run + "-" + connection + "-" + counter.incrementAndGet()));
			threads[c] = new Thread(() -> latencies[connection] = run(requests, port, start, end, failures));
			threads[c].start();
		}
		for (Thread thread : threads) {
			thread.join();
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		long[] all = Arrays.stream(latencies).flatMapToLong(Arrays::stream).sorted().toArray();
		double mean = Arrays.stream(all).average().orElse(0) / 1e6;
		double rps = all.length / seconds;
		System.out.printf(Locale.ROOT, "%.0f %.3f %.3f %.3f %.3f %.2f %d%n", rps, percentile(all, 50),
				percentile(all, 99), percentile(all, 99.9), mean, mean / 1000 * rps, failures.get());
	}

	private static byte[] request(WebhookSigner signer, String body) {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		StringBuilder head = new StringBuilder("POST /vapi/webhook HTTP/1.1\r\nHost: 127.0.0.1\r\n");
		signer.headersFor(bytes, Instant.now())
			.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
		head.append("Content-Type: application/json\r\nContent-Length: ").append(bytes.length).append("\r\n\r\n");
		byte[] headBytes = head.toString().getBytes(StandardCharsets.ISO_8859_1);
		byte[] request = Arrays.copyOf(headBytes, headBytes.length + bytes.length);
		System.arraycopy(bytes, 0, request, headBytes.length, bytes.length);
		return request;
	}

	private static long[] run(Supplier<byte[]> requests, int port, long start, long end, AtomicLong failures) {
		long[] latencies = new long[1 << 16];
		int count = 0;
		try {
			while (System.nanoTime() < end) {
				try (Socket socket = new Socket("127.0.0.1", port)) {
					socket.setTcpNoDelay(true);
					OutputStream out = socket.getOutputStream();
					InputStream in = new BufferedInputStream(socket.getInputStream(), 1 << 16);
					boolean open = true;
					while (open && System.nanoTime() < end) {
						byte[] request = requests.get();
						long sent = System.nanoTime();
						out.write(request);
						out.flush();
						String head = readAnswer(in);
						long took = System.nanoTime() - sent;
						if (sent >= start) {
							if (count == latencies.length) {
								latencies = Arrays.copyOf(latencies, count * 2);
							}
							latencies[count++] = took;
							if (!head.startsWith("HTTP/1.1 200")) {
								failures.incrementAndGet();
							}
						}
						open = !head.toLowerCase(Locale.ROOT).contains("\r\nconnection: close");
					}
				}
			}
		}
		catch (IOException ex) {
			System.err.println("probe connection failed: " + ex);
			failures.incrementAndGet();
		}
		return Arrays.copyOf(latencies, count);
	}

	/** Reads one answer (headers and a Content-Length body) and gives its head. */
	private static String readAnswer(InputStream in) throws IOException {
		StringBuilder head = new StringBuilder();
		int b;
		while ((b = in.read()) != -1) {
			head.append((char) b);
			int n = head.length();
			if (n >= 4 && head.charAt(n - 1) == '\n' && head.charAt(n - 2) == '\r' && head.charAt(n - 3) == '\n'
					&& head.charAt(n - 4) == '\r') {
				break;
			}
		}
		if (b == -1) {
			throw new IOException("connection closed before an answer");
		}
		int length = 0;
		for (String line : head.toString().split("\r\n")) {
			if (line.regionMatches(true, 0, "content-length:", 0, 15)) {
				length = Integer.parseInt(line.substring(15).trim());
			}
		}
		if (in.readNBytes(length).length != length) {
			throw new IOException("connection closed in an answer's body");
		}
		return head.toString();
	}

	private static double percentile(long[] sorted, double p) {
		if (sorted.length == 0) {
			return 0;
		}
		int index = (int) Math.ceil(p / 100 * sorted.length) - 1;
		return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
	}

}

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A closed-loop latency probe: CONNECTIONS keep-alive connections, each sending the next
 * request as soon as the previous answer has been read, timing every request from its first
 * byte written to the last byte of its answer read. It exists because wrk's latency figures
 * on this machine break Little's law (mean latency x throughput came out at 1.3 to 9 times
 * the number of connections), so they cannot be trusted for a p99; this probe prints the
 * same product as a self-check (it must come out at about CONNECTIONS).
 *
 * Run with: java bench/LatencyProbe.java REQUESTS.http PORT CONNECTIONS SECONDS [WARMUP_SECONDS]
 * where REQUESTS.http is written by BenchPayloads (each raw request preceded by a line with
 * its length); requests of the warm-up (the probe's own JIT warms up too) are not counted.
 * Prints: "rps p50_ms p99_ms p999_ms mean_ms concurrency non200".
 */
public class LatencyProbe {

	public static void main(String[] args) throws Exception {
		List<byte[]> requests = requests(Files.readAllBytes(Path.of(args[0])));
		int port = Integer.parseInt(args[1]);
		int connections = Integer.parseInt(args[2]);
		long nanos = Long.parseLong(args[3]) * 1_000_000_000L;
		long warmup = ((args.length > 4) ? Long.parseLong(args[4]) : 0) * 1_000_000_000L;
		long start = System.nanoTime() + warmup;
		long end = start + nanos;
		AtomicLong failures = new AtomicLong();
		long[][] latencies = new long[connections][];
		Thread[] threads = new Thread[connections];
		for (int c = 0; c < connections; c++) {
			int connection = c;
			// each connection has its own share of the requests: no two connections ever send the
			// same one, which the server would answer from its replay guard
			List<byte[]> share = share(requests, c, connections);
			threads[c] = new Thread(() -> latencies[connection] = run(share, port, start, end, failures));
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

	private static List<byte[]> share(List<byte[]> requests, int connection, int connections) {
		if (requests.size() < connections) {
			return requests;
		}
		List<byte[]> share = new ArrayList<>();
		for (int i = connection; i < requests.size(); i += connections) {
			share.add(requests.get(i));
		}
		return share;
	}

	private static long[] run(List<byte[]> requests, int port, long start, long end, AtomicLong failures) {
		long[] latencies = new long[1 << 16];
		int count = 0;
		int next = 0;
		try {
			while (System.nanoTime() < end) {
				try (Socket socket = new Socket("127.0.0.1", port)) {
					socket.setTcpNoDelay(true);
					OutputStream out = socket.getOutputStream();
					InputStream in = new BufferedInputStream(socket.getInputStream(), 1 << 16);
					boolean open = true;
					while (open && System.nanoTime() < end) {
						byte[] request = requests.get(next++ % requests.size());
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

	private static List<byte[]> requests(byte[] file) {
		List<byte[]> requests = new ArrayList<>();
		int at = 0;
		while (at < file.length) {
			int newline = at;
			while (file[newline] != '\n') {
				newline++;
			}
			int length = Integer.parseInt(new String(file, at, newline - at, StandardCharsets.US_ASCII));
			requests.add(Arrays.copyOfRange(file, newline + 1, newline + 1 + length));
			at = newline + 1 + length;
		}
		return requests;
	}

	private static double percentile(long[] sorted, double p) {
		if (sorted.length == 0) {
			return 0;
		}
		int index = (int) Math.ceil(p / 100 * sorted.length) - 1;
		return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
	}

}

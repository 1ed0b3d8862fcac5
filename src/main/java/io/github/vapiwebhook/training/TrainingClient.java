package io.github.vapiwebhook.training;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import io.github.vapiwebhook.security.SecurityProperties;
import io.github.vapiwebhook.security.WebhookSigner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the training requests to the server over HTTP, signed for the configured
 * credential. They run no user code: the {@code tool-calls} messages name a tool that no
 * bean declares (answered 200 with an error entry), and in every ten requests one body is
 * malformed (400) and one carries a wrong credential (401), so that the refusals are
 * trained too.
 */
final class TrainingClient {

	private static final Logger logger = LoggerFactory.getLogger(TrainingClient.class);

	private final URI uri;

	private final SecurityProperties security;

	private final String template = resource("tool-calls.json");

	// not closed: HttpClient is AutoCloseable only from Java 21; the process exits after
	// the run
	private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	TrainingClient(URI uri, SecurityProperties security) {
		this.uri = uri;
		this.security = security;
	}

	/**
	 * Sends the training requests.
	 * @param requests how many
	 * @return how the server answered them
	 */
	TrainingResult send(int requests) {
		Function<byte[], Map<String, String>> credential = credential();
		// without authentication the request with a wrong credential is accepted
		int refused = (this.security.mode() == SecurityProperties.Mode.NONE) ? 200 : 401;
		Map<Integer, Integer> statuses = new TreeMap<>();
		int unexpected = 0;
		for (int i = 0; i < requests; i++) {
			byte[] body = (i % 10 == 8) ? "{\"message\":{\"type\":\"tool-calls\",".getBytes(StandardCharsets.UTF_8)
					: this.template.replace("{{id}}", "call_aot_" + i).getBytes(StandardCharsets.UTF_8);
			Map<String, String> headers = (i % 10 == 9) ? Map.of("X-Vapi-Secret", "not-the-secret")
					: credential.apply(body);
			int expected = switch (i % 10) {
				case 8 -> 400;
				case 9 -> refused;
				default -> 200;
			};
			int status = send(body, headers);
			statuses.merge(status, 1, Integer::sum);
			unexpected += (status != expected) ? 1 : 0;
		}
		return new TrainingResult(this.uri, statuses, unexpected);
	}

	/**
	 * The headers of the configured credential, as a function of the body; built once per
	 * run (no headers without a credential).
	 */
	private Function<byte[], Map<String, String>> credential() {
		if (this.security.mode() != SecurityProperties.Mode.NONE && this.security.hmac().secrets().isEmpty()
				&& this.security.sharedSecret().secrets().isEmpty() && this.security.bearer().tokens().isEmpty()
				&& this.security.oauth2().tokenEndpoint().signingSecret() == null) {
			logger.warn("AOT training run without a configured credential: its requests are refused before parsing. "
					+ "Set one for the run, e.g. --vapi.security.hmac.secrets=<throwaway>");
		}
		WebhookSigner signer = WebhookSigner.of(this.security, this.uri);
		return (body) -> signer.headersFor(body, Instant.now());
	}

	private int send(byte[] body, Map<String, String> headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(this.uri)
			.timeout(Duration.ofSeconds(30))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofByteArray(body));
		headers.forEach(request::header);
		try {
			return this.client.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
		}
		catch (IOException ex) {
			logger.warn("AOT training request failed: {}", ex.toString());
			return -1;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return -1;
		}
	}

	private static String resource(String name) {
		try (InputStream in = TrainingClient.class.getResourceAsStream(name)) {
			if (in == null) {
				throw new IllegalStateException("Missing training resource " + name);
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}

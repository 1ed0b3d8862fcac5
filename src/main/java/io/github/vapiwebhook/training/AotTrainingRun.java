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
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import io.github.vapiwebhook.security.SecurityProperties;
import io.github.vapiwebhook.security.WebhookSigner;
import io.github.vapiwebhook.webhook.WebhookProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;

/**
 * When {@code vapi.aot-training.requests} is set, sends the server that many webhook
 * requests through its own HTTP stack once it is ready, then exits. Run under
 * {@code -XX:AOTCacheOutput}, the JDK records what those requests loaded and linked
 * (Tomcat's request handling, the filters, authentication, parsing, dispatch, the tool
 * handler, the reply), so that the first real call after a start does not pay for it.
 * <p>
 * The requests run no user code: the {@code tool-calls} messages name a tool that no bean
 * declares, and the others are refused before dispatch (a bad signature, malformed JSON).
 * They are signed for the configured credential (HMAC, shared secret or bearer token);
 * the training run should set one, e.g. a throwaway HMAC secret.
 */
@Component
class AotTrainingRun implements ApplicationListener<ApplicationReadyEvent> {

	private static final Logger logger = LoggerFactory.getLogger(AotTrainingRun.class);

	private final AotTrainingProperties properties;

	private final SecurityProperties security;

	private final WebhookProperties webhook;

	AotTrainingRun(AotTrainingProperties properties, SecurityProperties security, WebhookProperties webhook) {
		this.properties = properties;
		this.security = security;
		this.webhook = webhook;
	}

	@Override
	public void onApplicationEvent(ApplicationReadyEvent event) {
		if (this.properties.requests() == 0
				|| !(event.getApplicationContext() instanceof WebServerApplicationContext web)) {
			return;
		}
		int port = web.getWebServer().getPort();
		// off the main thread: exiting from inside the startup sequence can deadlock with
		// the shutdown hook
		Thread thread = new Thread(() -> {
			Map<Integer, Integer> statuses = train(port, this.properties.requests());
			logger.info("AOT training run: {} webhook requests answered {} (status: count); exiting",
					this.properties.requests(), statuses);
			System.exit(SpringApplication.exit(event.getApplicationContext(), () -> 0));
		}, "aot-training");
		thread.start();
	}

	/**
	 * Sends the training requests.
	 * @param port the server's port
	 * @param requests how many
	 * @return how many answers had each HTTP status
	 */
	Map<Integer, Integer> train(int port, int requests) {
		URI uri = URI.create("http://127.0.0.1:" + port + this.webhook.path());
		String template = resource("tool-calls.json");
		Function<byte[], Map<String, String>> credential = credential(uri);
		Map<Integer, Integer> statuses = new TreeMap<>();
		// not closed: HttpClient is AutoCloseable only from Java 21; the process exits
		// next
		HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
		for (int i = 0; i < requests; i++) {
			byte[] body = switch (i % 10) {
				case 8 -> "{\"message\":{\"type\":\"tool-calls\",".getBytes(StandardCharsets.UTF_8);
				default -> template.replace("{{id}}", "call_aot_" + i).getBytes(StandardCharsets.UTF_8);
			};
			Map<String, String> headers = (i % 10 == 9) ? Map.of("X-Vapi-Secret", "not-the-secret")
					: credential.apply(body);
			statuses.merge(send(client, uri, body, headers), 1, Integer::sum);
		}
		return statuses;
	}

	/**
	 * The headers of the configured credential, as a function of the body; built once per
	 * run (no headers without a credential).
	 */
	private Function<byte[], Map<String, String>> credential(URI uri) {
		if (this.security.mode() == SecurityProperties.Mode.NONE) {
			return (body) -> Map.of();
		}
		SecurityProperties.Hmac hmac = this.security.hmac();
		if (!hmac.secrets().isEmpty()) {
			WebhookSigner.Builder builder = WebhookSigner.builder(hmac.secrets().get(0))
				.algorithm(hmac.algorithm())
				.signatureHeader(hmac.signatureHeader())
				.timestampHeader(hmac.timestampHeader())
				.signaturePrefix(hmac.signaturePrefix())
				.includeTimestamp(hmac.includeTimestamp())
				.payloadFormat(hmac.payloadFormat())
				.signatureEncoding(hmac.signatureEncoding())
				.secretIsBase64(hmac.secretIsBase64())
				.target("POST", uri.toString());
			String messageIdHeader = hmac.messageIdHeader();
			if (messageIdHeader == null) {
				WebhookSigner signer = builder.build();
				return (body) -> signer.headersFor(body, Instant.now());
			}
			// a repeated message id is refused: a fresh one for each request
			AtomicLong ids = new AtomicLong();
			return (body) -> builder.messageId(messageIdHeader, "aot-" + ids.incrementAndGet())
				.build()
				.headersFor(body, Instant.now());
		}
		if (!this.security.sharedSecret().secrets().isEmpty()) {
			String header = this.security.sharedSecret().headerNames().get(0);
			String secret = this.security.sharedSecret().secrets().get(0);
			return (body) -> Map.of(header, secret);
		}
		if (!this.security.bearer().tokens().isEmpty()) {
			String header = this.security.bearer().headerName();
			String token = this.security.bearer().tokens().get(0);
			return (body) -> Map.of(header, "Bearer " + token);
		}
		logger.warn("AOT training run without a configured credential: its requests are refused before parsing. "
				+ "Set one for the run, e.g. --vapi.security.hmac.secrets=<throwaway>");
		return (body) -> Map.of();
	}

	private static int send(HttpClient client, URI uri, byte[] body, Map<String, String> headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri)
			.timeout(Duration.ofSeconds(30))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofByteArray(body));
		headers.forEach(request::header);
		try {
			return client.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
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
		try (InputStream in = AotTrainingRun.class.getResourceAsStream(name)) {
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

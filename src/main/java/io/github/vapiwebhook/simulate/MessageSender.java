package io.github.vapiwebhook.simulate;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;

/**
 * Posts messages to a webhook URL over plain HTTP, signed, and times each answer. Vapi
 * waits for an answer up to the message's deadline; so does this sender, which reports a
 * later answer as missing.
 */
final class MessageSender {

	private final HttpClient client;

	private final URI url;

	private final RequestSigning signing;

	private final Duration timeout;

	private final Clock clock;

	/**
	 * A sender.
	 * @param url the webhook URL
	 * @param signing how requests are signed
	 * @param timeout the server's timeoutSeconds (assistant-request waits 7.5 s at most)
	 * @param clock the clock for signing times
	 */
	MessageSender(URI url, RequestSigning signing, Duration timeout, Clock clock) {
		this.client = HttpClient.newBuilder()
			.connectTimeout(Duration.ofSeconds(5))
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
		this.url = url;
		this.signing = signing;
		this.timeout = timeout;
		this.clock = clock;
	}

	/**
	 * Sends one message and waits for its answer until its deadline.
	 * @param message the message
	 * @return the exchange
	 */
	Exchange send(OutgoingMessage message) {
		Duration deadline = message.deadline(this.timeout);
		HttpRequest.Builder request = HttpRequest.newBuilder(this.url)
			.timeout(deadline)
			.header("Content-Type", "application/json")
			.header("Accept", "application/json")
			.header("User-Agent", "vapi-webhook-simulate")
			.POST(HttpRequest.BodyPublishers.ofByteArray(message.body()));
		this.signing.headersFor(message.body(), this.clock.instant()).forEach(request::header);
		long start = System.nanoTime();
		try {
			HttpResponse<String> response = this.client.send(request.build(), HttpResponse.BodyHandlers.ofString());
			return new Exchange(message, response.statusCode(), elapsed(start), response.body(), null, deadline);
		}
		catch (HttpTimeoutException ex) {
			return failed(message, start, deadline,
					"no answer within Vapi's deadline of " + deadline.toMillis() + " ms");
		}
		catch (ConnectException ex) {
			return failed(message, start, deadline, "cannot connect to " + this.url);
		}
		catch (IOException ex) {
			return failed(message, start, deadline, "HTTP failed: " + ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return failed(message, start, deadline, "interrupted");
		}
	}

	private static Exchange failed(OutgoingMessage message, long start, Duration deadline, String failure) {
		return new Exchange(message, 0, elapsed(start), null, failure, deadline);
	}

	private static Duration elapsed(long start) {
		return Duration.ofNanos(System.nanoTime() - start);
	}

}

package io.github.vapiwebhook.vapiapi;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

/**
 * Sends a call to Vapi's API and retries it a bounded number of times: after 429 (waiting
 * as Retry-After says), after 5xx and after timeouts and connection failures (waiting
 * with exponential backoff). Spring's own {@code RetryTemplate} has no way to take the
 * wait from the failed response, hence this loop.
 */
class RetryingExchange {

	private static final Logger logger = LoggerFactory.getLogger(RetryingExchange.class);

	private final RestClient client;

	private final VapiApiProperties properties;

	private final Sleeper sleeper;

	private final Clock clock;

	private final JsonMapper json;

	RetryingExchange(RestClient client, VapiApiProperties properties, Sleeper sleeper, Clock clock, JsonMapper json) {
		this.client = client;
		this.json = json;
		this.properties = properties;
		this.sleeper = sleeper;
		this.clock = clock;
	}

	/**
	 * Sends the call until it succeeds or may not be retried.
	 * @return the successful answer's body
	 * @throws VapiApiException when the call failed
	 */
	String send(ApiRequest request) {
		for (int attempt = 0;; attempt++) {
			ApiResponse response;
			try {
				response = once(request);
			}
			catch (ResourceAccessException ex) {
				if (attempt >= this.properties.maxRetries() || !request.idempotent()) {
					throw new VapiApiException("Vapi's API at " + this.properties.baseUrl() + " did not answer "
							+ request + " (" + ex.getMostSpecificCause().getClass().getSimpleName() + ") after "
							+ (attempt + 1) + " attempt(s)", ex);
				}
				pause(request, backoff(attempt), "no answer");
				continue;
			}
			if (response.successful()) {
				return response.body();
			}
			Duration wait = retryDelay(request, response, attempt);
			if (wait == null) {
				throw response.error(request, this.json);
			}
			pause(request, wait, "status " + response.status());
		}
	}

	private ApiResponse once(ApiRequest request) {
		RestClient.RequestBodySpec spec = this.client.method(request.method())
			.uri(request.path())
			.accept(MediaType.APPLICATION_JSON);
		if (request.body() != null) {
			spec.contentType(MediaType.APPLICATION_JSON).body(request.body());
		}
		return spec.exchange((clientRequest, response) -> new ApiResponse(response.getStatusCode().value(),
				response.getHeaders().getFirst(HttpHeaders.RETRY_AFTER), readBody(response.getBody())));
	}

	private static String readBody(InputStream body) throws IOException {
		return new String(body.readAllBytes(), StandardCharsets.UTF_8);
	}

	private @Nullable Duration retryDelay(ApiRequest request, ApiResponse response, int attempt) {
		if (attempt >= this.properties.maxRetries()) {
			return null;
		}
		if (response.status() == 429) {
			Duration asked = retryAfter(response.retryAfter());
			return (asked != null) ? min(asked, this.properties.maxRetryAfter()) : backoff(attempt);
		}
		boolean retried = request.idempotent() ? response.status() >= 500 : response.status() == 503;
		return retried ? backoff(attempt) : null;
	}

	private @Nullable Duration retryAfter(@Nullable String header) {
		if (header == null || header.isBlank()) {
			return null;
		}
		try {
			return Duration.ofSeconds(Math.max(0, Long.parseLong(header.trim())));
		}
		catch (NumberFormatException ex) {
			try {
				ZonedDateTime at = ZonedDateTime.parse(header.trim(), DateTimeFormatter.RFC_1123_DATE_TIME);
				Duration wait = Duration.between(this.clock.instant(), at.toInstant());
				return wait.isNegative() ? Duration.ZERO : wait;
			}
			catch (DateTimeParseException unparsable) {
				logger.debug("Ignoring an unreadable Retry-After header", unparsable);
				return null;
			}
		}
	}

	private Duration backoff(int attempt) {
		return this.properties.retryBackoff().multipliedBy(1L << Math.min(attempt, 10));
	}

	private void pause(ApiRequest request, Duration wait, String reason) {
		logger.info("Vapi API {}: {}, retrying in {} ms", request, reason, wait.toMillis());
		try {
			this.sleeper.sleep(wait);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new VapiApiException("Interrupted while waiting to retry " + request, ex);
		}
	}

	private static Duration min(Duration a, Duration b) {
		return (a.compareTo(b) <= 0) ? a : b;
	}

}

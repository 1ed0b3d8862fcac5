package io.github.vapiwebhook.vapiapi;

import java.net.URI;
import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the Vapi API client ({@code vapi.api.*}). The API key is not among them: it
 * is read from the VAPI_API_KEY environment variable only, so that it never lands in a
 * configuration file that could be committed.
 *
 * @param baseUrl the base URL of Vapi's API
 * @param connectTimeout how long opening a connection to the API may take
 * @param readTimeout how long the API may take to answer a request
 * @param maxRetries how many times a request is sent again after a 429, a 5xx answer or a
 * timeout (a POST only after 429 or 503, which say that nothing was done)
 * @param retryBackoff the wait before the first retry, doubled before each further one,
 * unless the API sends Retry-After
 * @param maxRetryAfter the longest wait accepted from a Retry-After header; a longer one
 * is shortened to it
 * @param credentialName the name of the custom credential that the connect and tools sync
 * commands create and update (at most 40 characters, unique in the Vapi organisation)
 */
@Validated
@ConfigurationProperties("vapi.api")
public record VapiApiProperties(@DefaultValue("https://api.vapi.ai") @NotNull URI baseUrl,
		@DefaultValue("5s") @NotNull Duration connectTimeout, @DefaultValue("30s") @NotNull Duration readTimeout,
		@DefaultValue("3") @Min(0) @Max(10) int maxRetries, @DefaultValue("500ms") @NotNull Duration retryBackoff,
		@DefaultValue("60s") @NotNull Duration maxRetryAfter, @DefaultValue("vapi-webhook-server") @Size(min = 1,
				max = 40) @Pattern(regexp = "\\S.*") String credentialName) {

	public VapiApiProperties {
		if (baseUrl.getScheme() == null || baseUrl.getHost() == null) {
			throw new IllegalArgumentException("vapi.api.base-url must be an absolute URL such as https://api.vapi.ai");
		}
		for (Duration duration : new Duration[] { connectTimeout, readTimeout }) {
			if (duration.isNegative() || duration.isZero()) {
				throw new IllegalArgumentException("vapi.api.connect-timeout and read-timeout must be positive");
			}
		}
	}

	/**
	 * The defaults, as when nothing is configured.
	 * @return the default settings
	 */
	public static VapiApiProperties defaults() {
		return new VapiApiProperties(URI.create("https://api.vapi.ai"), Duration.ofSeconds(5), Duration.ofSeconds(30),
				3, Duration.ofMillis(500), Duration.ofSeconds(60), "vapi-webhook-server");
	}

}

package io.github.vapiwebhook.webhook;

import java.time.Duration;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the webhook endpoint (vapi.webhook.*).
 *
 * @param path the path Vapi posts to
 * @param maxBodySize the largest request body accepted, at least 1KB; larger ones get 413
 * (end-of-call reports of long calls are large)
 * @param assistantRequestDeadline how long an assistant-request handler may take before
 * the fallback reply is sent; must stay under Vapi's fixed 7.5 s
 * @param replyDeadline how long handlers of the other request types may take; keep it
 * under the timeoutSeconds of the Vapi server configuration (default 20 s)
 * @param deadlines per-type overrides of the deadline, keyed by message type (for example
 * knowledge-base-request: 9s); an assistant-request override must also stay under 7.5 s
 * @param shutdownGracePeriod how long shutdown waits for running handlers and listeners
 * @param defaults the built-in replies for request types that have no handler bean
 * @param body how request bodies are read: time limit, memory budget, slow senders
 * @param listenerBacklog the most answered messages held in memory while they wait for
 * the in-memory listeners (@EventListener methods run after the answer); past it, a
 * message is published before its answer, which slows the sender rather than filling the
 * heap
 */
@Validated
@ConfigurationProperties("vapi.webhook")
public record WebhookProperties(@DefaultValue("/vapi/webhook") @NotBlank @Pattern(regexp = "/\\S*") String path,
		@DefaultValue("8MB") @NotNull DataSize maxBodySize,
		@DefaultValue("6500ms") @NotNull Duration assistantRequestDeadline,
		@DefaultValue("18s") @NotNull Duration replyDeadline, Map<String, Duration> deadlines,
		@DefaultValue("10s") @NotNull Duration shutdownGracePeriod, @DefaultValue @Valid Defaults defaults,
		@DefaultValue @Valid Body body, @DefaultValue("64") @Min(1) int listenerBacklog) {

	private static final Duration VAPI_ASSISTANT_REQUEST_LIMIT = Duration.ofMillis(7500);

	public WebhookProperties {
		deadlines = (deadlines != null) ? Map.copyOf(deadlines) : Map.of();
		requireUnderAssistantRequestLimit(assistantRequestDeadline, "vapi.webhook.assistant-request-deadline");
		Duration override = deadlines.get("assistant-request");
		if (override != null) {
			requireUnderAssistantRequestLimit(override, "vapi.webhook.deadlines.assistant-request");
		}
		if (maxBodySize.toBytes() < 1024) {
			throw new IllegalArgumentException("vapi.webhook.max-body-size must be at least 1KB");
		}
	}

	private static void requireUnderAssistantRequestLimit(Duration deadline, String key) {
		if (deadline.compareTo(VAPI_ASSISTANT_REQUEST_LIMIT) >= 0 || deadline.isNegative()) {
			throw new IllegalArgumentException(key + " must be under Vapi's fixed 7.5 s limit");
		}
	}

	/**
	 * The deadline for a request message type.
	 * @param type the message type string
	 * @return the deadline
	 */
	public Duration deadlineFor(String type) {
		Duration override = this.deadlines.get(type);
		if (override != null) {
			return override;
		}
		return "assistant-request".equals(type) ? this.assistantRequestDeadline : this.replyDeadline;
	}

	/**
	 * The longest deadline of any request type.
	 * @return the longest deadline
	 */
	public Duration longestDeadline() {
		Duration longest = (this.replyDeadline.compareTo(this.assistantRequestDeadline) >= 0) ? this.replyDeadline
				: this.assistantRequestDeadline;
		for (Duration override : this.deadlines.values()) {
			longest = (override.compareTo(longest) > 0) ? override : longest;
		}
		return longest;
	}

	/**
	 * How request bodies are read. Vapi sends a body at once; these limits are for
	 * senders that do not.
	 *
	 * @param timeout how long the whole body may take to arrive once the headers are in;
	 * a slower body is answered 408 and its connection closed
	 * @param maxInFlight the most bytes of request bodies held in memory at once, across
	 * all requests; a body that would exceed it is answered 503 with Retry-After. A
	 * quarter is kept for bodies of at most 64KB. Unset: a quarter of the JVM's maximum
	 * heap (32MB with the Docker image's 128MB)
	 * @param maxWaitingReads the most requests waiting on the network for body bytes at
	 * once; past it, a body that is not already there is answered 503 with Retry-After.
	 * Unset: no limit where Tomcat runs on virtual threads (Java 21+ with
	 * spring.threads.virtual.enabled), otherwise 100 (half of Tomcat's 200 request
	 * threads), so that slow senders cannot hold every request thread
	 */
	public record Body(@DefaultValue("5s") @NotNull Duration timeout, @Nullable DataSize maxInFlight,
			@Nullable @Positive Integer maxWaitingReads) {

		public Body {
			if (timeout.isNegative() || timeout.isZero()) {
				throw new IllegalArgumentException("vapi.webhook.body.timeout must be positive");
			}
			if (maxInFlight != null && maxInFlight.toBytes() < 64 * 1024) {
				throw new IllegalArgumentException("vapi.webhook.body.max-in-flight must be at least 64KB");
			}
		}

	}

	/**
	 * Built-in replies for request types without a handler bean; also the fallback
	 * replies sent when a handler is late or fails.
	 *
	 * @param assistantId assistant-request: answer with this saved assistant
	 * @param assistant assistant-request: answer with this transient assistant (used when
	 * no assistantId is set)
	 * @param assistantRequestError assistant-request: text spoken to the caller before
	 * the call is rejected, when neither an assistant id nor an assistant is set
	 * @param transferNumber transfer-destination-request: transfer to this number
	 * @param transferSipUri transfer-destination-request: transfer to this SIP URI (used
	 * when no number is set)
	 * @param transferError transfer-destination-request: the refusal when no destination
	 * is set
	 * @param handoffAssistantName handoff-destination-request: hand off to this assistant
	 * of the squad
	 * @param handoffError handoff-destination-request: the refusal when no assistant is
	 * set
	 * @param endpointingTimeoutSeconds call.endpointing.request: seconds to wait (0 to
	 * 15)
	 * @param predialEligible campaign.predial: whether contacts are eligible
	 * @param predialEligibleOnFailure campaign.predial: the answer when a handler is late
	 * or fails
	 * @param failureMessage the error text of a fallback reply to tool-calls (one error
	 * per tool call) and function-call when a handler is late or fails
	 */
	public record Defaults(@Nullable String assistantId, @Nullable Map<String, Object> assistant,
			@DefaultValue("Sorry, this number cannot take calls right now. Please try again later.") @NotBlank String assistantRequestError,
			@Nullable String transferNumber, @Nullable String transferSipUri,
			@DefaultValue("No transfer destination is available.") @NotBlank String transferError,
			@Nullable String handoffAssistantName,
			@DefaultValue("No handoff destination is available.") @NotBlank String handoffError,
			@DefaultValue("1.0") @DecimalMin("0") @DecimalMax("15") double endpointingTimeoutSeconds,
			@DefaultValue("true") boolean predialEligible, @DefaultValue("false") boolean predialEligibleOnFailure,
			@DefaultValue("The request could not be completed in time.") @NotBlank String failureMessage) {

	}

}

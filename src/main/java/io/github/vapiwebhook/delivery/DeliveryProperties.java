package io.github.vapiwebhook.delivery;

import java.time.Duration;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How messages reach their listeners (vapi.delivery.*), where a database is configured.
 *
 * @param durableTypes the message types that are kept: committed to the database before
 * the answer and delivered at least once to @ApplicationModuleListener methods. The
 * others (by default the high-volume transcript, speech-update, model-output,
 * conversation-update, ...) are published in memory after the answer, to @EventListener
 * methods only
 * @param retry how a listener that failed is tried again
 * @param keyRetention how long the keys of received messages are kept to recognise a
 * repeat (a Vapi retry comes within minutes)
 */
@Validated
@ConfigurationProperties("vapi.delivery")
public record DeliveryProperties(@DefaultValue( {
		"end-of-call-report", "status-update", "transfer-update", "hang", "phone-call-control",
		"call.artifact.upload" }) Set<String> durableTypes, @DefaultValue @Valid Retry retry,
		@DefaultValue("7d") @NotNull Duration keyRetention){

	public DeliveryProperties {
		durableTypes = Set.copyOf(durableTypes);
	}

	/**
	 * Retries of a failed listener, with exponential backoff: the n-th retry comes
	 * initial-backoff * 2^(n-1) (at most max-backoff) after the last try.
	 *
	 * @param maxAttempts how many times a listener is tried in all, the first time
	 * included, before its publication is left as a dead letter (to be resubmitted by
	 * hand)
	 * @param initialBackoff the wait before the first retry
	 * @param maxBackoff the longest wait between two tries
	 * @param interval how often failed publications are looked for
	 */
	public record Retry(@DefaultValue("5") @Min(1) int maxAttempts,
			@DefaultValue("10s") @NotNull Duration initialBackoff, @DefaultValue("10m") @NotNull Duration maxBackoff,
			@DefaultValue("5s") @NotNull Duration interval) {

		/**
		 * The wait before a retry.
		 * @param triesSoFar how many times the listener was tried
		 * @return the wait
		 */
		Duration backoffAfter(int triesSoFar) {
			Duration wait = this.initialBackoff;
			for (int i = 1; i < triesSoFar && wait.compareTo(this.maxBackoff) < 0; i++) {
				wait = wait.multipliedBy(2);
			}
			return (wait.compareTo(this.maxBackoff) > 0) ? this.maxBackoff : wait;
		}

	}

}

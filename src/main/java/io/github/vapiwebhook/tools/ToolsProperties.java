package io.github.vapiwebhook.tools;

import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the tools feature (vapi.tools.*).
 *
 * @param enabled whether tool-calls and function-call messages go to VapiTool methods;
 * turn off to answer them with your own handler beans
 * @param timeout how long one tool call may run before an error is answered in its place,
 * unless the tool sets its own; must be positive and shorter than the tool-calls and
 * function-call reply deadlines (vapi.webhook.reply-deadline or their overrides), or
 * startup fails
 * @param asyncAcknowledgement the result sent at once for tools that Vapi marks async
 * (Vapi does not wait for it)
 * @param maxCallsPerMessage the most tool calls of one tool-calls message that run; each
 * call past it is answered with an error, in request order, and not run
 * @param idempotency how repeated tool call ids are recognised
 */
@Validated
@ConfigurationProperties("vapi.tools")
public record ToolsProperties(@DefaultValue("true") boolean enabled, @DefaultValue("10s") @NotNull Duration timeout,
		@DefaultValue("Accepted; running in the background.") @NotBlank String asyncAcknowledgement,
		@DefaultValue("128") @Positive int maxCallsPerMessage, @DefaultValue @Valid Idempotency idempotency) {

	public ToolsProperties {
		if (timeout.isNegative() || timeout.isZero()) {
			throw new IllegalArgumentException("vapi.tools.timeout must be positive");
		}
	}

	/**
	 * How results are kept to answer a repeated tool call id (Vapi retries when the
	 * server has a backoff plan) without running the tool again. Results are kept per
	 * call id and tool call id, and served only to a repeat with the same tool and
	 * arguments.
	 *
	 * @param ttl how long a result is kept after the call started
	 * @param maxEntries the most results kept in memory (without a database); the oldest
	 * go first
	 * @param takeOverAfter with a database: how long a run may stay unfinished before a
	 * repeat of the same call runs the tool again in its place (the instance that ran it
	 * presumably died); must be longer than the tool-calls and function-call reply
	 * deadlines, which bound every tool's deadline
	 */
	public record Idempotency(@DefaultValue("10m") @NotNull Duration ttl, @DefaultValue("10000") @Min(1) int maxEntries,
			@DefaultValue("1m") @NotNull Duration takeOverAfter) {

	}

}

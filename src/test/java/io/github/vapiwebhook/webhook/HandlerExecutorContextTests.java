package io.github.vapiwebhook.webhook;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

class HandlerExecutorContextTests {

	private final HandlerExecutor executor = new HandlerExecutor(
			new WebhookProperties("/vapi/webhook", DataSize.ofMegabytes(8), Duration.ofMillis(6500),
					Duration.ofSeconds(18), Map.of(), Duration.ofSeconds(1), new WebhookProperties.Defaults(null, null,
							"error", null, null, "no", null, "no", 1.0, true, false, "failed")));

	@Test
	void tasksSeeTheLoggingContextOfTheirCaller() throws Exception {
		CompletableFuture<String> seenBySupply;
		CompletableFuture<String> seenByExecute = new CompletableFuture<>();
		try (MDC.MDCCloseable call = MDC.putCloseable(ServerMessageDispatcher.MDC_CALL_ID, "call-42")) {
			seenBySupply = this.executor.supply(() -> MDC.get(ServerMessageDispatcher.MDC_CALL_ID));
			this.executor.execute(() -> seenByExecute.complete(MDC.get(ServerMessageDispatcher.MDC_CALL_ID)));
		}
		assertThat(seenBySupply.get(5, TimeUnit.SECONDS)).isEqualTo("call-42");
		assertThat(seenByExecute.get(5, TimeUnit.SECONDS)).isEqualTo("call-42");
		this.executor.destroy();
	}

}

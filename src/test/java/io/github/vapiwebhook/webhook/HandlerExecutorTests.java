package io.github.vapiwebhook.webhook;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

import static org.assertj.core.api.Assertions.assertThat;

class HandlerExecutorTests {

	private final HandlerExecutor executor = new HandlerExecutor(WebhookTestSupport.properties(Duration.ofMillis(6500),
			Duration.ofSeconds(18), Map.of(), WebhookTestSupport.unconfiguredDefaults()));

	@AfterEach
	void stop() throws InterruptedException {
		MDC.clear();
		this.executor.destroy();
	}

	@Test
	void supplyCarriesTheCallersLoggingContext() throws Exception {
		MDC.put("callId", "c-1");
		assertThat(this.executor.supply(() -> MDC.get("callId")).get(5, TimeUnit.SECONDS)).isEqualTo("c-1");
	}

	@Test
	void executeCarriesTheCallersLoggingContextAndLeavesNoneBehind() throws Exception {
		MDC.put("callId", "c-2");
		AtomicReference<String> seen = new AtomicReference<>();
		CountDownLatch done = new CountDownLatch(1);
		this.executor.execute(() -> {
			seen.set(MDC.get("callId"));
			done.countDown();
		});
		assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();
		assertThat(seen.get()).isEqualTo("c-2");
		MDC.clear();
		assertThat(this.executor.supply(() -> MDC.get("callId")).get(5, TimeUnit.SECONDS)).isNull();
	}

	@Test
	void usesVirtualThreadsExactlyWhenTheJvmHasThem() {
		boolean jvmHasVirtualThreads = Runtime.version().feature() >= 21;
		assertThat(this.executor.usesVirtualThreads()).isEqualTo(jvmHasVirtualThreads);
	}

}

package io.github.vapiwebhook.tools;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.vapiwebhook.reply.ToolCallResult;
import io.github.vapiwebhook.testing.SettableClock;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class InMemoryToolResultStoreTests {

	private final SettableClock clock = new SettableClock(Instant.parse("2026-03-02T08:00:00Z"));

	private final InMemoryToolResultStore store = new InMemoryToolResultStore(this.clock, Duration.ofMinutes(10), 3);

	private final AtomicInteger runs = new AtomicInteger();

	@Test
	void secondRequestForAKeyGetsTheFirstRunWithoutRunning() {
		ToolResultStore.StoredRun first = this.store.computeIfAbsent(key("a"), "f1", this::run);
		ToolResultStore.StoredRun second = this.store.computeIfAbsent(key("a"), "f1", this::run);
		assertThat(second.result().join()).isSameAs(first.result().join());
		assertThat(this.runs).hasValue(1);
	}

	@Test
	void repeatWithAnotherFingerprintGetsTheStoredFingerprintWithoutRunning() {
		ToolCallResult first = this.store.computeIfAbsent(key("a"), "f1", this::run).result().join();
		ToolResultStore.StoredRun other = this.store.computeIfAbsent(key("a"), "f2", this::run);
		assertThat(other.fingerprint()).isEqualTo("f1");
		assertThat(other.result().join()).isSameAs(first);
		assertThat(this.runs).hasValue(1);
	}

	@Test
	void sameToolCallIdInAnotherCallIsAnotherKey() {
		this.store.computeIfAbsent(new ToolResultStore.Key("call-1", "a"), "f1", this::run).result().join();
		ToolResultStore.StoredRun other = this.store.computeIfAbsent(new ToolResultStore.Key("call-2", "a"), "f2",
				this::run);
		assertThat(other.fingerprint()).isEqualTo("f2");
		assertThat(other.result().join().result()).isEqualTo("run 2");
	}

	@Test
	void messagesWithoutACallShareTheEmptyCallId() {
		this.store.computeIfAbsent(new ToolResultStore.Key("", "a"), "f1", this::run).result().join();
		this.store.computeIfAbsent(new ToolResultStore.Key("call-1", "a"), "f1", this::run).result().join();
		this.store.computeIfAbsent(new ToolResultStore.Key("", "a"), "f1", this::run).result().join();
		assertThat(this.runs).hasValue(2);
	}

	@Test
	void keyNeedsAToolCallIdThatIsNotBlank() {
		assertThatIllegalArgumentException().isThrownBy(() -> new ToolResultStore.Key("call-1", " "));
	}

	@Test
	void duplicateWhileRunningSharesTheRunningResult() {
		CompletableFuture<ToolCallResult> running = new CompletableFuture<>();
		ToolResultStore.StoredRun first = this.store.computeIfAbsent(key("a"), "f1", () -> running);
		ToolResultStore.StoredRun second = this.store.computeIfAbsent(key("a"), "f1", this::run);
		assertThat(second.result()).isNotDone();
		running.complete(ToolCallResult.success("t", "a", "late"));
		assertThat(second.result().join()).isEqualTo(first.result().join());
		assertThat(this.runs).hasValue(0);
	}

	@Test
	void resultsExpireAfterTheirTimeToLive() {
		this.store.computeIfAbsent(key("a"), "f1", this::run).result().join();
		this.clock.advance(Duration.ofMinutes(9));
		this.store.computeIfAbsent(key("a"), "f1", this::run).result().join();
		assertThat(this.runs).hasValue(1);
		this.clock.advance(Duration.ofMinutes(1));
		ToolResultStore.StoredRun afterExpiry = this.store.computeIfAbsent(key("a"), "f2", this::run);
		assertThat(afterExpiry.fingerprint()).isEqualTo("f2");
		assertThat(this.runs).hasValue(2);
	}

	@Test
	void keepsAtMostMaxEntriesDroppingTheOldest() {
		for (String id : new String[] { "a", "b", "c", "d" }) {
			this.store.computeIfAbsent(key(id), "f", this::run).result().join();
		}
		assertThat(this.store.size()).isEqualTo(3);
		this.store.computeIfAbsent(key("d"), "f", this::run).result().join();
		assertThat(this.runs).hasValue(4);
		this.store.computeIfAbsent(key("a"), "f", this::run).result().join();
		assertThat(this.runs).hasValue(5);
	}

	private static ToolResultStore.Key key(String toolCallId) {
		return new ToolResultStore.Key("call-1", toolCallId);
	}

	private CompletableFuture<ToolCallResult> run() {
		return CompletableFuture
			.completedFuture(ToolCallResult.success("t", "x", "run " + this.runs.incrementAndGet()));
	}

}

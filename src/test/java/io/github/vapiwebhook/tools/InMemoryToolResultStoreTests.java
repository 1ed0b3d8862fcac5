package io.github.vapiwebhook.tools;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.vapiwebhook.reply.ToolCallResult;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class InMemoryToolResultStoreTests {

	private final SettableClock clock = new SettableClock(Instant.parse("2026-03-02T08:00:00Z"));

	private final InMemoryToolResultStore store = new InMemoryToolResultStore(this.clock, Duration.ofMinutes(10), 3);

	private final AtomicInteger runs = new AtomicInteger();

	@Test
	void secondRequestForAnIdGetsTheFirstResultWithoutRunning() {
		ToolCallResult first = this.store.computeIfAbsent("a", this::run).join();
		ToolCallResult second = this.store.computeIfAbsent("a", this::run).join();
		assertThat(second).isSameAs(first);
		assertThat(this.runs).hasValue(1);
	}

	@Test
	void duplicateWhileRunningSharesTheRunningResult() {
		CompletableFuture<ToolCallResult> running = new CompletableFuture<>();
		CompletableFuture<ToolCallResult> first = this.store.computeIfAbsent("a", () -> running);
		CompletableFuture<ToolCallResult> second = this.store.computeIfAbsent("a", this::run);
		assertThat(second).isNotDone();
		running.complete(ToolCallResult.success("t", "a", "late"));
		assertThat(second.join()).isEqualTo(first.join());
		assertThat(this.runs).hasValue(0);
	}

	@Test
	void resultsExpireAfterTheirTimeToLive() {
		this.store.computeIfAbsent("a", this::run).join();
		this.clock.advance(Duration.ofMinutes(9));
		this.store.computeIfAbsent("a", this::run).join();
		assertThat(this.runs).hasValue(1);
		this.clock.advance(Duration.ofMinutes(1));
		this.store.computeIfAbsent("a", this::run).join();
		assertThat(this.runs).hasValue(2);
	}

	@Test
	void keepsAtMostMaxEntriesDroppingTheOldest() {
		for (String id : new String[] { "a", "b", "c", "d" }) {
			this.store.computeIfAbsent(id, this::run).join();
		}
		assertThat(this.store.size()).isEqualTo(3);
		this.store.computeIfAbsent("d", this::run).join();
		assertThat(this.runs).hasValue(4);
		this.store.computeIfAbsent("a", this::run).join();
		assertThat(this.runs).hasValue(5);
	}

	private CompletableFuture<ToolCallResult> run() {
		return CompletableFuture
			.completedFuture(ToolCallResult.success("t", "x", "run " + this.runs.incrementAndGet()));
	}

	static final class SettableClock extends Clock {

		private Instant now;

		SettableClock(Instant now) {
			this.now = now;
		}

		void advance(Duration duration) {
			this.now = this.now.plus(duration);
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return this.now;
		}

	}

}

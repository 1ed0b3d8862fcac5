package io.github.vapiwebhook.tools;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import io.github.vapiwebhook.reply.ToolCallResult;
import io.github.vapiwebhook.reply.ToolMessage;
import io.github.vapiwebhook.storage.SchemaMigration;
import io.github.vapiwebhook.testing.SettableClock;
import io.github.vapiwebhook.testing.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The tool result store in the database, on every test database: each test uses two
 * stores on one database, as two instances of the server would.
 */
class JdbcToolResultStoreTests {

	private static final Duration TTL = Duration.ofMinutes(10);

	private static final Duration TAKE_OVER_AFTER = Duration.ofMinutes(1);

	private static final Duration LONGEST_WAIT = Duration.ofSeconds(18);

	private static final ToolResultStore.Key KEY = new ToolResultStore.Key("call-1", "tc-1");

	private final SettableClock clock = new SettableClock(Instant.parse("2026-03-02T08:00:00Z"));

	private final AtomicInteger runs = new AtomicInteger();

	static List<String> databases() {
		return TestDatabases.names();
	}

	@AfterEach
	void endTheWaitsLeftOver() {
		// a repeat still waiting stops at its next look
		this.clock.advance(Duration.ofDays(1));
	}

	@ParameterizedTest
	@MethodSource("databases")
	void theFirstRunIsStoredAndItsResultReturnedToARepeatWithoutRunningAgain(String database) {
		DataSource dataSource = migrated(database);
		ToolCallResult first = store(dataSource).computeIfAbsent(KEY, "f1", this::run).result().join();
		ToolResultStore.StoredRun repeat = store(dataSource).computeIfAbsent(KEY, "f1", this::run);
		assertThat(repeat.fingerprint()).isEqualTo("f1");
		assertThat(repeat.result().join()).isEqualTo(first);
		assertThat(this.runs).hasValue(1);
	}

	@ParameterizedTest
	@MethodSource("databases")
	void keepsTheWholeResultWithItsMessage(String database) {
		DataSource dataSource = migrated(database);
		ToolCallResult result = ToolCallResult.success("book", "tc-1", "Booked, reference APT-1")
			.withMessage(ToolMessage.complete("You are booked.").thenEndCall());
		store(dataSource).computeIfAbsent(KEY, "f1", () -> CompletableFuture.completedFuture(result)).result().join();
		assertThat(store(dataSource).computeIfAbsent(KEY, "f1", this::run).result().join()).isEqualTo(result);
	}

	@ParameterizedTest
	@MethodSource("databases")
	void aRepeatWhileTheRunGoesOnElsewhereGetsItsResultOnceDone(String database) {
		DataSource dataSource = migrated(database);
		CompletableFuture<ToolCallResult> running = new CompletableFuture<>();
		ToolResultStore.StoredRun first = store(dataSource).computeIfAbsent(KEY, "f1", () -> running);
		ToolResultStore.StoredRun repeat = store(dataSource).computeIfAbsent(KEY, "f1", this::run);
		assertThat(repeat.fingerprint()).isEqualTo("f1");
		assertThat(repeat.result()).isNotDone();
		running.complete(ToolCallResult.success("t", "tc-1", "late"));
		await().atMost(Duration.ofSeconds(5)).until(repeat.result()::isDone);
		assertThat(repeat.result().join()).isEqualTo(first.result().join());
		assertThat(this.runs).hasValue(0);
	}

	@ParameterizedTest
	@MethodSource("databases")
	void aRepeatOnTheInstanceThatRunsTheCallSharesItsRun(String database) {
		JdbcToolResultStore store = store(migrated(database));
		CompletableFuture<ToolCallResult> running = new CompletableFuture<>();
		ToolResultStore.StoredRun first = store.computeIfAbsent(KEY, "f1", () -> running);
		assertThat(store.computeIfAbsent(KEY, "f1", this::run)).isSameAs(first);
	}

	@ParameterizedTest
	@MethodSource("databases")
	void aRepeatWithAnotherFingerprintGetsTheStoredOneAndRunsNothing(String database) {
		DataSource dataSource = migrated(database);
		store(dataSource).computeIfAbsent(KEY, "f1", this::run).result().join();
		ToolResultStore.StoredRun other = store(dataSource).computeIfAbsent(KEY, "f2", this::run);
		assertThat(other.fingerprint()).isEqualTo("f1");
		assertThat(this.runs).hasValue(1);
	}

	@ParameterizedTest
	@MethodSource("databases")
	void theSameToolCallIdInAnotherCallIsAnotherKey(String database) {
		DataSource dataSource = migrated(database);
		store(dataSource).computeIfAbsent(KEY, "f1", this::run).result().join();
		ToolResultStore.StoredRun other = store(dataSource).computeIfAbsent(new ToolResultStore.Key("call-2", "tc-1"),
				"f2", this::run);
		assertThat(other.result().join().result()).isEqualTo("run 2");
	}

	@ParameterizedTest
	@MethodSource("databases")
	void aRunIsForgottenOnceItsTimeToLiveHasPassed(String database) {
		DataSource dataSource = migrated(database);
		JdbcToolResultStore store = store(dataSource);
		store.computeIfAbsent(KEY, "f1", this::run).result().join();
		this.clock.advance(TTL);
		ToolResultStore.StoredRun afterExpiry = store(dataSource).computeIfAbsent(KEY, "f2", this::run);
		assertThat(afterExpiry.fingerprint()).isEqualTo("f2");
		assertThat(afterExpiry.result().join().result()).isEqualTo("run 2");
		this.clock.advance(TTL.plusSeconds(1));
		assertThat(store.deleteExpired()).isEqualTo(1);
		assertThat(rows(dataSource)).isZero();
	}

	@ParameterizedTest
	@MethodSource("databases")
	void aRunLeftUnfinishedIsTakenOverByARepeatAfterTheConfiguredTime(String database) {
		DataSource dataSource = migrated(database);
		CompletableFuture<ToolCallResult> neverDone = new CompletableFuture<>();
		store(dataSource).computeIfAbsent(KEY, "f1", () -> neverDone);
		this.clock.advance(TAKE_OVER_AFTER);
		ToolResultStore.StoredRun takenOver = store(dataSource).computeIfAbsent(KEY, "f1", this::run);
		assertThat(takenOver.result().join().result()).isEqualTo("run 1");
		// the first run's result, should it come after all, does not replace it
		neverDone.complete(ToolCallResult.success("t", "tc-1", "too late"));
		assertThat(store(dataSource).computeIfAbsent(KEY, "f1", this::run).result().join().result()).isEqualTo("run 1");
		assertThat(this.runs).hasValue(1);
	}

	@ParameterizedTest
	@MethodSource("databases")
	void aWaitingRepeatTakesTheRunOverOnceItMay(String database) {
		DataSource dataSource = migrated(database);
		store(dataSource).computeIfAbsent(KEY, "f1", CompletableFuture::new);
		ToolResultStore.StoredRun waiting = store(dataSource).computeIfAbsent(KEY, "f1", this::run);
		this.clock.advance(TAKE_OVER_AFTER.minusSeconds(1));
		assertThat(waiting.result()).isNotDone();
		assertThat(this.runs).hasValue(0);
		this.clock.advance(Duration.ofSeconds(1));
		await().atMost(Duration.ofSeconds(5)).until(waiting.result()::isDone);
		assertThat(waiting.result().join().result()).isEqualTo("run 1");
	}

	@ParameterizedTest
	@MethodSource("databases")
	void aRepeatWithAnotherFingerprintNeverTakesTheRunOver(String database) {
		DataSource dataSource = migrated(database);
		store(dataSource).computeIfAbsent(KEY, "f1", CompletableFuture::new);
		this.clock.advance(TAKE_OVER_AFTER);
		ToolResultStore.StoredRun other = store(dataSource).computeIfAbsent(KEY, "f2", this::run);
		assertThat(other.fingerprint()).isEqualTo("f1");
		assertThat(this.runs).hasValue(0);
	}

	@ParameterizedTest
	@MethodSource("databases")
	void aRepeatStopsWaitingAfterTheLongestToolDeadline(String database) {
		DataSource dataSource = migrated(database);
		store(dataSource).computeIfAbsent(KEY, "f1", CompletableFuture::new);
		ToolResultStore.StoredRun waiting = store(dataSource).computeIfAbsent(KEY, "f1", this::run);
		this.clock.advance(LONGEST_WAIT);
		await().atMost(Duration.ofSeconds(5)).until(waiting.result()::isDone);
		assertThat(waiting.result()).failsWithin(Duration.ZERO)
			.withThrowableOfType(Exception.class)
			.havingRootCause()
			.isInstanceOf(TimeoutException.class);
		assertThat(this.runs).hasValue(0);
	}

	@ParameterizedTest
	@MethodSource("databases")
	void aRunThatFailedIsForgottenSoThatARepeatRunsTheToolAgain(String database) {
		DataSource dataSource = migrated(database);
		ToolResultStore.StoredRun failed = store(dataSource).computeIfAbsent(KEY, "f1",
				() -> CompletableFuture.failedFuture(new IllegalStateException("boom")));
		assertThat(failed.result()).isCompletedExceptionally();
		assertThat(store(dataSource).computeIfAbsent(KEY, "f1", this::run).result().join().result()).isEqualTo("run 1");
	}

	@ParameterizedTest
	@MethodSource("databases")
	void runsNothingAndAnswersAnErrorWhenTheDatabaseCannotBeRead(String database) {
		// a database without the server's tables
		ToolResultStore.StoredRun run = store(TestDatabases.newDataSource(database)).computeIfAbsent(KEY, "f1",
				this::run);
		assertThat(run.result()).failsWithin(Duration.ZERO)
			.withThrowableOfType(Exception.class)
			.withMessageContaining("The run of tool call tc-1 could not be looked up; it was not run");
		assertThat(this.runs).hasValue(0);
	}

	private JdbcToolResultStore store(DataSource dataSource) {
		StoredToolRuns runs = new StoredToolRuns(new JdbcTemplate(dataSource));
		return new JdbcToolResultStore(new ToolRunClaims(runs, this.clock, TTL, TAKE_OVER_AFTER), this.clock,
				LONGEST_WAIT, ForkJoinPool.commonPool());
	}

	private static DataSource migrated(String database) {
		DataSource dataSource = TestDatabases.newDataSource(database);
		new SchemaMigration(dataSource).migrate();
		return dataSource;
	}

	private static int rows(DataSource dataSource) {
		return new JdbcTemplate(dataSource).queryForObject("SELECT COUNT(*) FROM tool_call_run", Integer.class);
	}

	private CompletableFuture<ToolCallResult> run() {
		return CompletableFuture
			.completedFuture(ToolCallResult.success("t", "tc-1", "run " + this.runs.incrementAndGet()));
	}

}

package io.github.vapiwebhook.webhook;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import org.springframework.beans.factory.DisposableBean;

/**
 * Runs handlers and listeners off the request thread: on virtual threads where the JVM
 * has them (Java 21+), otherwise on a pool that gives every task a thread at once (up to
 * 1024; past that the caller runs the task itself, so that nothing accepted is dropped).
 * The caller's logging context (call id, message type) goes with each task. On shutdown
 * it waits for running work up to the configured grace period.
 */
public class HandlerExecutor implements DisposableBean {

	private static final Logger logger = LoggerFactory.getLogger(HandlerExecutor.class);

	private final ExecutorService executor;

	private final Duration gracePeriod;

	private final boolean virtual;

	/**
	 * The built-in executor: virtual threads where the JVM has them, otherwise a pool of
	 * up to 1024 threads.
	 * @param properties the webhook properties (for the shutdown grace period)
	 */
	public HandlerExecutor(WebhookProperties properties) {
		ExecutorService virtualExecutor = virtualThreadExecutor();
		this.virtual = virtualExecutor != null;
		this.executor = (virtualExecutor != null) ? virtualExecutor : boundedPool();
		this.gracePeriod = properties.shutdownGracePeriod();
	}

	/**
	 * An executor of the application's choosing; declare it as a bean to replace the
	 * built-in one. It must give every task a thread at once (a handler waiting for its
	 * tool calls must never queue them behind other waiting handlers): a bounded queue
	 * can make handlers miss their deadlines.
	 * @param executor the executor; shut down with the application
	 * @param gracePeriod how long shutdown waits for running tasks
	 */
	public HandlerExecutor(ExecutorService executor, Duration gracePeriod) {
		this.executor = executor;
		this.virtual = false;
		this.gracePeriod = gracePeriod;
	}

	/**
	 * Whether tasks run on virtual threads.
	 * @return {@code true} on a JVM with virtual threads
	 */
	public boolean usesVirtualThreads() {
		return this.virtual;
	}

	/**
	 * Runs a task and gives its result as a future.
	 * @param <T> the result type
	 * @param task the task
	 * @return the future result
	 */
	public <T> CompletableFuture<T> supply(Supplier<T> task) {
		Map<String, String> context = MDC.getCopyOfContextMap();
		return CompletableFuture.supplyAsync(() -> withContext(context, task), this.executor);
	}

	/**
	 * Runs a task.
	 * @param task the task
	 */
	public void execute(Runnable task) {
		Map<String, String> context = MDC.getCopyOfContextMap();
		this.executor.execute(() -> withContext(context, () -> {
			task.run();
			return null;
		}));
	}

	/**
	 * Runs a task with a logging context (the call id and message type of the message it
	 * works for), for work that continues a task of this executor on its thread once the
	 * task itself has returned (a {@code CompletableFuture} stage), where the context is
	 * no longer set.
	 * @param <T> the result type
	 * @param context the MDC to set, as {@code MDC.getCopyOfContextMap()} gave it
	 * @param task the task
	 * @return its result
	 */
	public static <T> T withContext(@Nullable Map<String, String> context, Supplier<T> task) {
		Map<String, String> previous = MDC.getCopyOfContextMap();
		if (context != null) {
			MDC.setContextMap(context);
		}
		try {
			return task.get();
		}
		finally {
			if (previous != null) {
				MDC.setContextMap(previous);
			}
			else {
				MDC.clear();
			}
		}
	}

	@Override
	public void destroy() throws InterruptedException {
		this.executor.shutdown();
		if (!this.executor.awaitTermination(this.gracePeriod.toMillis(), TimeUnit.MILLISECONDS)) {
			logger.warn("Handlers still running after the shutdown grace period of {}", this.gracePeriod);
		}
	}

	private static @Nullable ExecutorService virtualThreadExecutor() {
		try {
			return (ExecutorService) MethodHandles.publicLookup()
				.findStatic(java.util.concurrent.Executors.class, "newVirtualThreadPerTaskExecutor",
						MethodType.methodType(ExecutorService.class))
				.invoke();
		}
		catch (NoSuchMethodException | IllegalAccessException ex) {
			return null;
		}
		catch (Throwable ex) {
			throw new IllegalStateException("Could not create a virtual-thread executor", ex);
		}
	}

	private static ExecutorService boundedPool() {
		// Without virtual threads: every task gets a thread at once (a handler waiting
		// for its tool calls must never queue them behind other waiting handlers), up to
		// a bound past which the caller runs the task itself, so that nothing accepted
		// is dropped.
		AtomicInteger count = new AtomicInteger();
		ThreadPoolExecutor pool = new ThreadPoolExecutor(16, 1024, 30, TimeUnit.SECONDS, new SynchronousQueue<>(),
				(runnable) -> {
					Thread thread = new Thread(runnable, "vapi-handler-" + count.incrementAndGet());
					thread.setDaemon(false);
					return thread;
				}, HandlerExecutor::runOnCaller);
		return pool;
	}

	private static void runOnCaller(Runnable task, ThreadPoolExecutor pool) {
		// Unlike CallerRunsPolicy, never drop a task silently once shut down: say so, and
		// let the caller decide (the inbox then delivers the message itself).
		if (pool.isShutdown()) {
			throw new RejectedExecutionException("The handler executor is shut down");
		}
		task.run();
	}

}

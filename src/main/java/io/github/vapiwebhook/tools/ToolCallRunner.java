package io.github.vapiwebhook.tools;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.github.vapiwebhook.message.ServerMessage;
import io.github.vapiwebhook.message.ToolCall;
import io.github.vapiwebhook.reply.ToolCallResult;
import io.github.vapiwebhook.webhook.HandlerExecutor;
import io.micrometer.core.instrument.Timer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import tools.jackson.databind.node.ObjectNode;

/**
 * Runs one tool call on the {@link HandlerExecutor}: finds the tool, reads and binds the
 * arguments, runs the tool at most once per call id and tool call id, and answers within
 * the tool's deadline. Every outcome, including an unknown tool, bad arguments, a reused
 * tool call id, an exception and a timeout, becomes a result for that call alone; the
 * returned future never fails.
 */
class ToolCallRunner {

	private static final Logger logger = LoggerFactory.getLogger(ToolCallRunner.class);

	private final ToolRegistry registry;

	private final ToolArguments arguments;

	private final ArgumentConverter converter;

	private final ToolResultRenderer renderer;

	private final ToolCallDeduplicator deduplicator;

	private final HandlerExecutor executor;

	private final Duration defaultTimeout;

	private final ToolMetrics metrics;

	ToolCallRunner(ToolRegistry registry, ToolArguments arguments, ArgumentConverter converter,
			ToolResultRenderer renderer, ToolResultStore store, HandlerExecutor executor, Duration defaultTimeout,
			ToolMetrics metrics) {
		this.metrics = metrics;
		this.registry = registry;
		this.arguments = arguments;
		this.converter = converter;
		this.renderer = renderer;
		this.deduplicator = new ToolCallDeduplicator(store, new ToolCallFingerprinter(), metrics);
		this.executor = executor;
		this.defaultTimeout = defaultTimeout;
	}

	/**
	 * Runs a call. A call with a tool call id runs at most once per call id and tool call
	 * id while the store remembers it: a repeat with the same tool name and arguments
	 * (also the next call in the same message with the same id) gets the first result; a
	 * repeat with another tool or other arguments gets an error and runs nothing.
	 * @param call the call
	 * @param message the message it came in
	 * @return its result, within the tool's deadline
	 */
	CompletableFuture<ToolCallResult> run(ToolCall call, ServerMessage message) {
		String name = (call.toolName() != null) ? call.toolName() : "unknown";
		String id = (call.id() != null) ? call.id() : "";
		ToolMethod tool = this.registry.find(call.toolName());
		if (tool == null) {
			logger.warn("Tool call {} names the unknown tool {}", id, name);
			this.metrics.unknownTool();
			return CompletableFuture
				.completedFuture(ToolCallResult.failure(name, id, "No tool named " + name + " exists on this server."));
		}
		Timer.Sample sample = this.metrics.start();
		CompletableFuture<ToolCallResult> outcome = outcome(tool, call, id, message);
		Duration deadline = (tool.timeout() != null) ? tool.timeout() : this.defaultTimeout;
		// A copy, so that the timeout of this request leaves the stored run untouched: a
		// retry of the same call waits for the same run instead of starting another.
		return outcome.copy().orTimeout(deadline.toMillis(), TimeUnit.MILLISECONDS).handle((result, failure) -> {
			ToolCallResult answer = (failure != null) ? late(name, id, deadline, failure) : result;
			this.metrics.stop(sample, name, answer, unwrap(failure) instanceof TimeoutException);
			return answer;
		});
	}

	private CompletableFuture<ToolCallResult> outcome(ToolMethod tool, ToolCall call, String id,
			ServerMessage message) {
		ObjectNode values;
		try {
			values = this.arguments.read(call.rawArguments());
		}
		catch (ToolArgumentException ex) {
			// Arguments that are not an object never reach the tool: nothing to remember.
			return CompletableFuture.completedFuture(this.renderer.failure(tool.name(), id, ex));
		}
		if (id.isBlank()) {
			return start(tool, values, id, message);
		}
		ToolResultStore.Key key = new ToolResultStore.Key(Objects.requireNonNullElse(message.callId(), ""), id);
		return this.deduplicator.runOnce(key, tool.name(), values, () -> start(tool, values, id, message));
	}

	private CompletableFuture<ToolCallResult> start(ToolMethod tool, ObjectNode values, String id,
			ServerMessage message) {
		ToolCallContext context = ToolCallContext.of(message, id);
		// the result is rendered (and a refusal logged) on the tool's thread after the
		// tool
		// returned, where the executor has already taken the message's logging context
		// away
		Map<String, String> logContext = MDC.getCopyOfContextMap();
		return this.executor.supply(() -> invoke(tool, values, context))
			.thenCompose(ToolCallRunner::settled)
			.handle((value, failure) -> HandlerExecutor.withContext(logContext,
					() -> (failure != null) ? this.renderer.failure(tool.name(), id, unwrap(failure))
							: this.renderer.success(tool.name(), id, value)));
	}

	private Object invoke(ToolMethod tool, ObjectNode values, ToolCallContext context) {
		try {
			return tool.invoke(values, context, this.converter);
		}
		catch (Exception ex) {
			throw new CompletionException(ex);
		}
	}

	private static CompletableFuture<Object> settled(Object value) {
		if (value instanceof CompletionStage<?> stage) {
			return stage.toCompletableFuture().thenApply((result) -> result);
		}
		return CompletableFuture.completedFuture(value);
	}

	private ToolCallResult late(String name, String id, Duration deadline, Throwable failure) {
		Throwable cause = unwrap(failure);
		if (cause instanceof TimeoutException) {
			logger.warn("Tool {} did not finish tool call {} within {}", name, id, deadline);
			return ToolCallResult.failure(name, id, "The tool " + name + " did not finish in time.");
		}
		return this.renderer.failure(name, id, cause);
	}

	private static @Nullable Throwable unwrap(@Nullable Throwable failure) {
		Throwable cause = failure;
		while ((cause instanceof CompletionException || cause instanceof ExecutionException)
				&& cause.getCause() != null) {
			cause = cause.getCause();
		}
		return cause;
	}

}

package io.github.vapiwebhook.simulate;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Sends the messages of one or more calls and judges each answer. The messages of a call
 * go one after the other, each once the previous one is answered, as in a real call;
 * calls start at the given rate and overlap when a call lasts longer than the gap.
 */
final class Playback {

	/** The most calls in flight at once. */
	static final int MAX_CONCURRENT_CALLS = 16;

	private final MessageSender sender;

	private final ReplyCheck check;

	Playback(MessageSender sender, ReplyCheck check) {
		this.sender = sender;
		this.check = check;
	}

	/**
	 * Plays calls, counting progress on the error stream, and prints the report.
	 * @param calls the messages of each call
	 * @param rate calls started per second
	 * @param out where the report goes
	 * @param err where progress goes
	 * @return the exit code of the run
	 */
	int playAndReport(List<List<OutgoingMessage>> calls, double rate, PrintWriter out, PrintWriter err) {
		Progress progress = new Progress(err, calls.stream().mapToInt(List::size).sum());
		List<Result> results = play(calls, rate, progress);
		progress.finish();
		Report report = new Report(results);
		report.print(out);
		return report.exitCode();
	}

	/**
	 * Plays calls.
	 * @param calls the messages of each call
	 * @param rate calls started per second
	 * @param progress where progress is counted
	 * @return the results, call by call, in the order sent
	 */
	List<Result> play(List<List<OutgoingMessage>> calls, double rate, Progress progress) {
		if (calls.size() == 1) {
			return call(calls.get(0), progress);
		}
		ScheduledExecutorService executor = Executors
			.newScheduledThreadPool(Math.min(calls.size(), MAX_CONCURRENT_CALLS));
		try {
			List<ScheduledFuture<List<Result>>> pending = new ArrayList<>();
			for (int i = 0; i < calls.size(); i++) {
				List<OutgoingMessage> call = calls.get(i);
				long delay = Math.round(i * 1000 / rate);
				pending.add(executor.schedule(() -> call(call, progress), delay, TimeUnit.MILLISECONDS));
			}
			List<Result> results = new ArrayList<>();
			for (ScheduledFuture<List<Result>> call : pending) {
				results.addAll(call.get());
			}
			return results;
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException("A simulated call failed", ex.getCause());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while simulating calls", ex);
		}
		finally {
			executor.shutdownNow();
		}
	}

	private List<Result> call(List<OutgoingMessage> messages, Progress progress) {
		List<Result> results = new ArrayList<>();
		for (OutgoingMessage message : messages) {
			Exchange exchange = this.sender.send(message);
			Result result = new Result(exchange, this.check.verdict(exchange));
			progress.answered(result.verdict());
			results.add(result);
		}
		return results;
	}

}

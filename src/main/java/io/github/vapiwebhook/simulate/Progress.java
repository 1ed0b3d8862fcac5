package io.github.vapiwebhook.simulate;

import java.io.PrintWriter;
import java.time.Duration;

/**
 * A one-line progress count on the error stream, shown once a run has taken more than a
 * second, so that a quick run prints only its table.
 */
final class Progress {

	private static final Duration QUIET = Duration.ofSeconds(1);

	private final PrintWriter out;

	private final int total;

	private final long start = System.nanoTime();

	private int done;

	private int failed;

	private boolean shown;

	Progress(PrintWriter out, int total) {
		this.out = out;
		this.total = total;
	}

	/**
	 * Counts one message answered.
	 * @param verdict its verdict
	 */
	synchronized void answered(Verdict verdict) {
		this.done++;
		if (!verdict.isOk()) {
			this.failed++;
		}
		if (Duration.ofNanos(System.nanoTime() - this.start).compareTo(QUIET) > 0) {
			this.out.print("\r" + this.done + "/" + this.total + " messages sent, " + this.failed + " failed");
			this.out.flush();
			this.shown = true;
		}
	}

	/** Ends the progress line, if one was shown. */
	synchronized void finish() {
		if (this.shown) {
			this.out.println();
			this.out.flush();
		}
	}

}

package io.github.vapiwebhook.simulate;

import java.io.PrintWriter;
import java.util.List;

/**
 * The table printed at the end of a run: one row per message with its call, type, HTTP
 * status, latency and verdict, then a count of the failures.
 */
final class Report {

	/** Every message got the answer Vapi expects. */
	static final int ALL_OK = 0;

	/** At least one message did not. */
	static final int FAILURES = 1;

	private static final String ROW = "%-5s %-4s %-30s %-5s %9s  %s%n";

	private final List<Result> results;

	Report(List<Result> results) {
		this.results = List.copyOf(results);
	}

	/**
	 * Prints the table.
	 * @param out where to print
	 */
	void print(PrintWriter out) {
		out.printf(ROW, "CALL", "#", "TYPE", "HTTP", "LATENCY", "VERDICT");
		int row = 0;
		for (Result result : this.results) {
			Exchange exchange = result.exchange();
			row++;
			out.printf(ROW, exchange.message().call(), row, exchange.message().type(),
					(exchange.status() != 0) ? Integer.toString(exchange.status()) : "-",
					exchange.latency().toMillis() + " ms", result.verdict());
		}
		out.printf("%d messages, %d failed%n", this.results.size(), failures());
		out.flush();
	}

	/**
	 * The exit code of the run.
	 * @return {@link #ALL_OK} or {@link #FAILURES}
	 */
	int exitCode() {
		return (failures() == 0) ? ALL_OK : FAILURES;
	}

	private long failures() {
		return this.results.stream().filter((result) -> !result.verdict().isOk()).count();
	}

}

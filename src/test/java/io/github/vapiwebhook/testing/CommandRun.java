package io.github.vapiwebhook.testing;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

import picocli.CommandLine;

/**
 * Runs picocli commands as a user would, keeping what they print, and reads the rows of
 * the table that the simulate and replay commands print.
 */
public final class CommandRun {

	private final StringWriter out = new StringWriter();

	private final StringWriter err = new StringWriter();

	/**
	 * Runs a command; the output of successive runs accumulates.
	 * @param command the command object
	 * @param args the arguments
	 * @return the exit code
	 */
	public int execute(Object command, String... args) {
		CommandLine commandLine = new CommandLine(command);
		commandLine.setOut(new PrintWriter(this.out));
		commandLine.setErr(new PrintWriter(this.err));
		return commandLine.execute(args);
	}

	/**
	 * What the runs printed on standard output.
	 * @return the text
	 */
	public String out() {
		return this.out.toString();
	}

	/**
	 * What the runs printed on standard error.
	 * @return the text
	 */
	public String err() {
		return this.err.toString();
	}

	/**
	 * The rows of the last report table: the lines between its header and its count line,
	 * stripped.
	 * @return the rows
	 */
	public List<String> rows() {
		List<String> lines = out().lines().toList();
		int header = -1;
		for (int i = 0; i < lines.size(); i++) {
			if (lines.get(i).startsWith("CALL ")) {
				header = i;
			}
		}
		if (header < 0) {
			throw new IllegalStateException("No report table in:\n" + out());
		}
		return lines.subList(header + 1, lines.size() - 1).stream().map(String::strip).toList();
	}

}

package io.github.vapiwebhook.cli;

import java.io.PrintWriter;

import tools.jackson.databind.json.JsonMapper;

/**
 * Where a command writes: its result on standard output, progress on standard error (so
 * that a result can be piped), JSON indented.
 */
class Output {

	private final PrintWriter out;

	private final PrintWriter err;

	private final JsonMapper json;

	Output(PrintWriter out, PrintWriter err, JsonMapper json) {
		this.out = out;
		this.err = err;
		this.json = json;
	}

	void line(String text) {
		this.out.println(text);
		this.out.flush();
	}

	void json(Object value) {
		line(this.json.writerWithDefaultPrettyPrinter().writeValueAsString(value));
	}

	/**
	 * Reports a step of work that may take more than a second.
	 */
	void progress(String text) {
		this.err.println(text);
		this.err.flush();
	}

	String compact(Object value) {
		return this.json.writeValueAsString(value);
	}

	JsonMapper mapper() {
		return this.json;
	}

}

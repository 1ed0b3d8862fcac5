package io.github.vapiwebhook.simulate;

import java.util.List;

/**
 * Whether a reply is what Vapi expects, and if not, why.
 *
 * @param problems what is wrong; empty when the reply is fine
 */
record Verdict(List<String> problems) {

	Verdict {
		problems = List.copyOf(problems);
	}

	static Verdict ok() {
		return new Verdict(List.of());
	}

	static Verdict fail(String problem) {
		return new Verdict(List.of(problem));
	}

	boolean isOk() {
		return this.problems.isEmpty();
	}

	/**
	 * The verdict as printed in the table.
	 * @return "ok" or "FAIL: " and the problems
	 */
	@Override
	public String toString() {
		return isOk() ? "ok" : "FAIL: " + String.join("; ", this.problems);
	}

}

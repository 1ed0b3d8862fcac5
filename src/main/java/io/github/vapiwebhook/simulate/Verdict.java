package io.github.vapiwebhook.simulate;

import java.util.List;

/**
 * Whether a reply is what Vapi expects, and if not, why.
 *
 * @param problems what is wrong; empty when the reply is fine
 * @param notes what a reply of the right shape says that is worth seeing (a tool call
 * answered with an error the scenario did not expect)
 */
record Verdict(List<String> problems, List<String> notes) {

	Verdict {
		problems = List.copyOf(problems);
		notes = List.copyOf(notes);
	}

	Verdict(List<String> problems) {
		this(problems, List.of());
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
	 * @return "ok" (with its notes in brackets) or "FAIL: " and the problems
	 */
	@Override
	public String toString() {
		if (!isOk()) {
			return "FAIL: " + String.join("; ", this.problems);
		}
		return this.notes.isEmpty() ? "ok" : "ok (" + String.join("; ", this.notes) + ")";
	}

}

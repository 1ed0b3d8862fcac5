package io.github.vapiwebhook.cli;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ObjectNode;

/**
 * What {@code tools sync} does to one tool.
 *
 * @param action the action
 * @param name the function name
 * @param id the Vapi tool id, {@code null} for a tool to create
 * @param before the tool's {@code function} and {@code server} as they are, {@code null}
 * for a tool to create
 * @param body the body to send (the whole tool to create, or the changed tool's
 * {@code type}, {@code function} and {@code server}), {@code null} when nothing is sent
 */
record ToolChange(Action action, String name, @Nullable String id, @Nullable ObjectNode before,
		@Nullable ObjectNode body) {

	/**
	 * The possible actions.
	 */
	enum Action {

		/** No tool of that name: created. */
		CREATE,

		/** A tool of that name that tools sync created, and it differs: updated. */
		UPDATE,

		/** A tool of that name that tools sync created, and it matches: nothing sent. */
		UNCHANGED,

		/** A tool of that name that tools sync did not create: left alone. */
		NOT_OURS,

		/** A tool that tools sync created, no longer in the application: left alone. */
		GONE

	}

}

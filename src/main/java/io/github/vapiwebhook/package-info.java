/**
 * Vapi webhook server: receives Vapi server messages, authenticates them, turns them into
 * typed messages and dispatches them to handler beans.
 */
@NullMarked
package io.github.vapiwebhook;

import org.jspecify.annotations.NullMarked;

/**
 * Tools: bean methods annotated {@link io.github.vapiwebhook.tools.VapiTool} become Vapi
 * function tools. They are discovered once at startup, described by generated JSON
 * schemas, and run concurrently for {@code tool-calls} and legacy {@code function-call}
 * messages, each call under its own deadline and at most once per call id and tool call
 * id (across the instances on one database, where there is one).
 */
@NullMarked
package io.github.vapiwebhook.tools;

import org.jspecify.annotations.NullMarked;

/**
 * Example tools that show the idioms of {@link io.github.vapiwebhook.tools.VapiTool}:
 * appointment slots and bookings against an in-memory calendar, and the current time in a
 * time zone. They are registered only with {@code vapi.examples.enabled=true}.
 */
@NullMarked
package io.github.vapiwebhook.examples;

import org.jspecify.annotations.NullMarked;

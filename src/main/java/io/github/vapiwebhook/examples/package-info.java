/**
 * Example tools that show the idioms of {@link io.github.vapiwebhook.tools.VapiTool}:
 * appointment slots and bookings against an in-memory calendar, and the current time in a
 * time zone. {@code vapi.examples.enabled=false} removes them.
 */
@NullMarked
package io.github.vapiwebhook.examples;

import org.jspecify.annotations.NullMarked;

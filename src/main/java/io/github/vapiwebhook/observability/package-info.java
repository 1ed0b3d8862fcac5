/**
 * What an operator sees: Micrometer meters for messages, deadlines, fallbacks and body
 * sizes, and logs that carry the call id and message type and never personal data, where
 * a value from a request can never start a new line.
 */
@NullMarked
package io.github.vapiwebhook.observability;

import org.jspecify.annotations.NullMarked;

/**
 * The webhook endpoint: reading the request body once, turning it into a typed message,
 * dispatching it to handler and listener beans within Vapi's deadlines, and mapping bad
 * input to problem responses. {@link io.github.vapiwebhook.webhook.ServerMessageHandler}
 * and {@link io.github.vapiwebhook.webhook.ServerMessageListener} are the extension
 * points.
 */
@NullMarked
package io.github.vapiwebhook.webhook;

import org.jspecify.annotations.NullMarked;

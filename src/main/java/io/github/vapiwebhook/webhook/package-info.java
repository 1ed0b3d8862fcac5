/**
 * The webhook endpoint: reading the request body once, turning it into a typed message,
 * dispatching it to handler beans within Vapi's deadlines, publishing it as an
 * application event for listeners, and mapping bad input to problem responses.
 * {@link io.github.vapiwebhook.webhook.ServerMessageHandler} answers request messages;
 * listeners are Spring's own {@code @EventListener} (and Spring Modulith's
 * {@code @ApplicationModuleListener} for durable delivery) methods.
 */
@NullMarked
package io.github.vapiwebhook.webhook;

import org.jspecify.annotations.NullMarked;

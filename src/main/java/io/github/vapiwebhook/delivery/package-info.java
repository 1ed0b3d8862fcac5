/**
 * Durable, at-least-once delivery of the messages that must not be lost: each is
 * published as an application event inside a database transaction that is committed
 * before the answer, so that Spring Modulith's event publication registry holds one
 * publication per {@code @ApplicationModuleListener} until that listener has returned;
 * failed publications are retried with exponential backoff, then kept as dead letters; a
 * repeated message is recognised by a key from its payload and acknowledged without being
 * delivered twice.
 */
@NullMarked
package io.github.vapiwebhook.delivery;

import org.jspecify.annotations.NullMarked;

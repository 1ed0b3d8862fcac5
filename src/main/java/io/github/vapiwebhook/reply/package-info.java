/**
 * Typed replies to Vapi's request messages. Each reply type can only be built in a shape
 * Vapi's schema accepts; serialised, it is the bare object Vapi expects (never wrapped).
 */
@NullMarked
package io.github.vapiwebhook.reply;

import org.jspecify.annotations.NullMarked;

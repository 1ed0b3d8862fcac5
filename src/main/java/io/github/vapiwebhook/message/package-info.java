/**
 * The typed model of Vapi server messages: the sealed
 * {@link io.github.vapiwebhook.message.ServerMessage} hierarchy, one record per message
 * type, the objects they carry, and the reader that turns the raw request bytes into a
 * message (the only place where a type string becomes a Java type).
 */
@NullMarked
package io.github.vapiwebhook.message;

import org.jspecify.annotations.NullMarked;

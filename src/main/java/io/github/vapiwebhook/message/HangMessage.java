package io.github.vapiwebhook.message;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/**
 * A {@code hang}: the assistant is silent because something (possibly this server) is
 * slow.
 *
 * @param context the fields common to all messages
 *
 */
public record HangMessage(@JsonUnwrapped MessageContext context) implements EventMessage {

}

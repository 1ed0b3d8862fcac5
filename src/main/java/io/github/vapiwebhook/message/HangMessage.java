package io.github.vapiwebhook.message;

/**
 * A {@code hang}: the assistant is silent because something (possibly this server) is
 * slow.
 *
 * @param context the fields common to all messages
 *
 */
public record HangMessage(MessageContext context) implements EventMessage {

}

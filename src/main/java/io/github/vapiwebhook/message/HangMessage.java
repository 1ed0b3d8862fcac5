package io.github.vapiwebhook.message;

import com.fasterxml.jackson.annotation.JacksonInject;
import com.fasterxml.jackson.annotation.OptBoolean;

/**
 * A {@code hang}: the assistant is silent because something (possibly this server) is
 * slow.
 *
 * @param context the fields common to all messages
 *
 */
public record HangMessage(@JacksonInject(useInput = OptBoolean.FALSE) MessageContext context) implements EventMessage {

}

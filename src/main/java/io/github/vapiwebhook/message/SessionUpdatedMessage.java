package io.github.vapiwebhook.message;

import org.jspecify.annotations.Nullable;

/**
 * A {@code session.updated}: a session changed.
 *
 * @param context the fields common to all messages
 * @param session the session
 */
public record SessionUpdatedMessage(MessageContext context, @Nullable Session session) implements EventMessage {

}

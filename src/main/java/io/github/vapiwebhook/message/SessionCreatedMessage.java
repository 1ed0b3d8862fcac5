package io.github.vapiwebhook.message;

import org.jspecify.annotations.Nullable;

/**
 * A {@code session.created}: a session was created.
 *
 * @param context the fields common to all messages
 * @param session the session
 */
public record SessionCreatedMessage(MessageContext context, @Nullable Session session) implements EventMessage {

}

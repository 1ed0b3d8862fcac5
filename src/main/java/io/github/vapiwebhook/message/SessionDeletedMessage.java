package io.github.vapiwebhook.message;

import org.jspecify.annotations.Nullable;

/**
 * A {@code session.deleted}: a session was deleted.
 *
 * @param context the fields common to all messages
 * @param session the session
 */
public record SessionDeletedMessage(MessageContext context, @Nullable Session session) implements EventMessage {

}

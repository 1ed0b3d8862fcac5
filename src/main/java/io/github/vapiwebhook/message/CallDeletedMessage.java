package io.github.vapiwebhook.message;

/**
 * A {@code call.deleted}: the call's data was deleted.
 *
 * @param context the fields common to all messages
 *
 */
public record CallDeletedMessage(MessageContext context) implements EventMessage {

}

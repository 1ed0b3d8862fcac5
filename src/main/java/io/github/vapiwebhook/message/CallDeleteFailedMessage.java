package io.github.vapiwebhook.message;

/**
 * A {@code call.delete.failed}: deleting the call's data failed.
 *
 * @param context the fields common to all messages
 *
 */
public record CallDeleteFailedMessage(MessageContext context) implements EventMessage {

}

package io.github.vapiwebhook.message;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/**
 * A {@code call.deleted}: the call's data was deleted.
 *
 * @param context the fields common to all messages
 *
 */
public record CallDeletedMessage(@JsonUnwrapped MessageContext context) implements EventMessage {

}

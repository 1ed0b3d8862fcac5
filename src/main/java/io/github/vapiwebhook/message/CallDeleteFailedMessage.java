package io.github.vapiwebhook.message;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/**
 * A {@code call.delete.failed}: deleting the call's data failed.
 *
 * @param context the fields common to all messages
 *
 */
public record CallDeleteFailedMessage(@JsonUnwrapped MessageContext context) implements EventMessage {

}

package io.github.vapiwebhook.message;

import com.fasterxml.jackson.annotation.JacksonInject;
import com.fasterxml.jackson.annotation.OptBoolean;

/**
 * A {@code call.delete.failed}: deleting the call's data failed.
 *
 * @param context the fields common to all messages
 *
 */
public record CallDeleteFailedMessage(
		@JacksonInject(useInput = OptBoolean.FALSE) MessageContext context) implements EventMessage {

}

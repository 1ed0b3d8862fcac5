package io.github.vapiwebhook.message;

import com.fasterxml.jackson.annotation.JacksonInject;
import com.fasterxml.jackson.annotation.OptBoolean;

/**
 * A {@code call.deleted}: the call's data was deleted.
 *
 * @param context the fields common to all messages
 *
 */
public record CallDeletedMessage(
		@JacksonInject(useInput = OptBoolean.FALSE) MessageContext context) implements EventMessage {

}

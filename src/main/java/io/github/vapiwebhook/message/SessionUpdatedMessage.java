package io.github.vapiwebhook.message;

import org.jspecify.annotations.Nullable;
import com.fasterxml.jackson.annotation.JacksonInject;
import com.fasterxml.jackson.annotation.OptBoolean;

/**
 * A {@code session.updated}: a session changed.
 *
 * @param context the fields common to all messages
 * @param session the session
 */
public record SessionUpdatedMessage(@JacksonInject(useInput = OptBoolean.FALSE) MessageContext context,
		@Nullable Session session) implements EventMessage {

}

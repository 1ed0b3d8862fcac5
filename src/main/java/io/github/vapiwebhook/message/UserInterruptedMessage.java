package io.github.vapiwebhook.message;

import org.jspecify.annotations.Nullable;
import com.fasterxml.jackson.annotation.JacksonInject;
import com.fasterxml.jackson.annotation.OptBoolean;

/**
 * A {@code user-interrupted}: the user barged in.
 *
 * @param context the fields common to all messages
 * @param turnId the interrupted turn, matching {@code model-output.turnId}
 */
public record UserInterruptedMessage(@JacksonInject(useInput = OptBoolean.FALSE) MessageContext context,
		@Nullable String turnId) implements EventMessage {

}

package io.github.vapiwebhook.message;

import org.jspecify.annotations.Nullable;

/**
 * A {@code user-interrupted}: the user barged in.
 *
 * @param context the fields common to all messages
 * @param turnId the interrupted turn, matching {@code model-output.turnId}
 */
public record UserInterruptedMessage(MessageContext context, @Nullable String turnId) implements EventMessage {

}

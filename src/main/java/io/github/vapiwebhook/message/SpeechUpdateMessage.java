package io.github.vapiwebhook.message;

import org.jspecify.annotations.Nullable;

/**
 * A {@code speech-update}: the assistant or the user started or stopped speaking.
 *
 * @param context the fields common to all messages
 * @param status {@code started} or {@code stopped}
 * @param role {@code assistant} or {@code user}
 * @param turn the turn, 0-based
 */
public record SpeechUpdateMessage(MessageContext context, @Nullable String status, @Nullable String role,
		@Nullable Integer turn) implements EventMessage {

}

package io.github.vapiwebhook.message;

import org.jspecify.annotations.Nullable;
import com.fasterxml.jackson.annotation.JacksonInject;
import com.fasterxml.jackson.annotation.OptBoolean;

/**
 * A {@code speech-update}: the assistant or the user started or stopped speaking.
 *
 * @param context the fields common to all messages
 * @param status {@code started} or {@code stopped}
 * @param role {@code assistant} or {@code user}
 * @param turn the turn, 0-based
 */
public record SpeechUpdateMessage(@JacksonInject(useInput = OptBoolean.FALSE) MessageContext context,
		@Nullable String status, @Nullable String role, @Nullable Integer turn) implements EventMessage {

}

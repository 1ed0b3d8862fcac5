package io.github.vapiwebhook.message;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * An {@code assistant.started}: an assistant became active (for example after a squad
 * handoff).
 *
 * @param context the fields common to all messages
 * @param newAssistant the newly active assistant, passed through unread
 */
public record AssistantStartedMessage(MessageContext context, @Nullable JsonNode newAssistant) implements EventMessage {

}

package io.github.vapiwebhook.message;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A {@code transfer-update}: a transfer happened.
 *
 * @param context the fields common to all messages
 * @param destination where the call was transferred
 * @param toAssistant the assistant transferred to, for assistant destinations
 * @param fromAssistant the assistant transferred from, for assistant destinations
 * @param toStepRecord the workflow step transferred to, passed through unread
 * @param fromStepRecord the workflow step transferred from, passed through unread
 */
public record TransferUpdateMessage(MessageContext context, @Nullable Destination destination,
		@Nullable JsonNode toAssistant, @Nullable JsonNode fromAssistant, @Nullable JsonNode toStepRecord,
		@Nullable JsonNode fromStepRecord) implements EventMessage {

}

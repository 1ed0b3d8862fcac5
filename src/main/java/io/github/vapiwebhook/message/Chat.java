package io.github.vapiwebhook.message;

import java.time.Instant;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * A chat (non-voice) conversation.
 *
 * @param id the chat id
 * @param orgId the organisation id
 * @param assistantId the assistant of the chat
 * @param sessionId the session the chat belongs to
 * @param name the chat name
 * @param createdAt when the chat was created
 * @param updatedAt when the chat was last updated
 */
public record Chat(@Nullable String id, @Nullable String orgId, @Nullable String assistantId,
		@Nullable String sessionId, @Nullable String name,
		@JsonDeserialize(using = FlexibleInstantDeserializer.class) @Nullable Instant createdAt,
		@JsonDeserialize(using = FlexibleInstantDeserializer.class) @Nullable Instant updatedAt) {
}

package io.github.vapiwebhook.message;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;
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
@JsonDeserialize(using = RecordDeserializer.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Chat(@Nullable String id, @Nullable String orgId, @Nullable String assistantId,
		@Nullable String sessionId, @Nullable String name, @FlexibleInstant @Nullable Instant createdAt,
		@FlexibleInstant @Nullable Instant updatedAt) {
}

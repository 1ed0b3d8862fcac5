package io.github.vapiwebhook.message;

import java.time.Instant;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * A Vapi session (a group of chats).
 *
 * @param id the session id
 * @param orgId the organisation id
 * @param name the session name
 * @param status {@code active} or {@code completed}
 * @param assistantId the assistant of the session
 * @param createdAt when the session was created
 * @param updatedAt when the session was last updated
 */
public record Session(@Nullable String id, @Nullable String orgId, @Nullable String name, @Nullable String status,
		@Nullable String assistantId,
		@JsonDeserialize(using = FlexibleInstantDeserializer.class) @Nullable Instant createdAt,
		@JsonDeserialize(using = FlexibleInstantDeserializer.class) @Nullable Instant updatedAt) {
}

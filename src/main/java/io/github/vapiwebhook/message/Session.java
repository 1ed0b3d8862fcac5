package io.github.vapiwebhook.message;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;
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
@JsonDeserialize(using = RecordDeserializer.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Session(@Nullable String id, @Nullable String orgId, @Nullable String name, @Nullable String status,
		@Nullable String assistantId, @FlexibleInstant @Nullable Instant createdAt,
		@FlexibleInstant @Nullable Instant updatedAt) {
}

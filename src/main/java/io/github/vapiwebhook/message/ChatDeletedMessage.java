package io.github.vapiwebhook.message;

import org.jspecify.annotations.Nullable;
import com.fasterxml.jackson.annotation.JacksonInject;
import com.fasterxml.jackson.annotation.OptBoolean;

/**
 * A {@code chat.deleted}: a chat was deleted.
 *
 * @param context the fields common to all messages
 * @param chat the chat
 */
public record ChatDeletedMessage(@JacksonInject(useInput = OptBoolean.FALSE) MessageContext context,
		@Nullable Chat chat) implements EventMessage {

}

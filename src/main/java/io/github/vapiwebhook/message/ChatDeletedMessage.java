package io.github.vapiwebhook.message;

import org.jspecify.annotations.Nullable;

/**
 * A {@code chat.deleted}: a chat was deleted.
 *
 * @param context the fields common to all messages, the chat among them
 */
public record ChatDeletedMessage(MessageContext context) implements EventMessage {

	/**
	 * The chat that was deleted, which Vapi sends as a field common to all messages.
	 * @return the chat, or {@code null} when the message has none
	 */
	public @Nullable Chat chat() {
		return context().chat();
	}

}

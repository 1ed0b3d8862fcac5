package io.github.vapiwebhook.message;

import org.jspecify.annotations.Nullable;

/**
 * A {@code language-changed}: the older name of {@code language-change-detected}.
 *
 * @param context the fields common to all messages
 * @param language the detected language
 */
public record LanguageChangedMessage(MessageContext context, @Nullable String language) implements EventMessage {

}

package io.github.vapiwebhook.message;

import org.jspecify.annotations.Nullable;

/**
 * A {@code language-change-detected}: the transcriber switched language.
 *
 * @param context the fields common to all messages
 * @param language the detected language
 */
public record LanguageChangeDetectedMessage(MessageContext context, @Nullable String language) implements EventMessage {

}

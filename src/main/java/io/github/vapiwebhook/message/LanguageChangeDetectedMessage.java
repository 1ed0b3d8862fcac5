package io.github.vapiwebhook.message;

import org.jspecify.annotations.Nullable;
import com.fasterxml.jackson.annotation.JacksonInject;
import com.fasterxml.jackson.annotation.OptBoolean;

/**
 * A {@code language-change-detected}: the transcriber switched language.
 *
 * @param context the fields common to all messages
 * @param language the detected language
 */
public record LanguageChangeDetectedMessage(@JacksonInject(useInput = OptBoolean.FALSE) MessageContext context,
		@Nullable String language) implements EventMessage {

}

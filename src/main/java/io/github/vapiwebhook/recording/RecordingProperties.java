package io.github.vapiwebhook.recording;

import java.nio.file.Path;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Recording of authenticated messages for replay (vapi.recording.*).
 *
 * @param enabled whether each authenticated message the server accepts is written to the
 * folder; off by default
 * @param directory the folder the messages are written to, one file per message, named so
 * that the replay command sends them in the order they arrived
 * @param maxFiles the most files the folder may hold, counting those already there; once
 * reached, recording stops (with one warning) so that a sender with a valid signature
 * cannot fill the disk
 * @param maxBytes the most bytes the folder's files may take together, counting those
 * already there; a message that would go past it is skipped (with one warning, and
 * counted), so that large bodies cannot fill the disk before the file limit is reached
 * @param keepPersonalData whether phone numbers, names, email addresses, transcripts and
 * other conversation text are kept instead of redacted; logged as a warning at startup
 */
@Validated
@ConfigurationProperties("vapi.recording")
public record RecordingProperties(@DefaultValue("false") boolean enabled,
		@DefaultValue("recordings") @NotNull Path directory, @DefaultValue("1000") @Positive int maxFiles,
		@DefaultValue("100MB") @NotNull DataSize maxBytes, @DefaultValue("false") boolean keepPersonalData) {

}

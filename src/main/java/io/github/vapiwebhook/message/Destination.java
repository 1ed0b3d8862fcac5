package io.github.vapiwebhook.message;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * Where a call was (or is being) transferred, as reported by Vapi.
 *
 * @param type {@code number}, {@code sip} or {@code assistant}
 * @param number the phone number, for {@code number}
 * @param extension the extension, for {@code number}
 * @param sipUri the SIP URI, for {@code sip}
 * @param assistantName the assistant, for {@code assistant}
 * @param description the description given to the model
 */
@JsonDeserialize(using = RecordDeserializer.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Destination(@Nullable String type, @Nullable String number, @Nullable String extension,
		@Nullable String sipUri, @Nullable String assistantName, @Nullable String description) {

	/**
	 * Describes this object without personal data or conversation content, which must
	 * never reach the logs.
	 * @return a redacted description
	 */
	@Override
	public String toString() {
		return "Destination[type=" + this.type + ", address redacted]";
	}

}

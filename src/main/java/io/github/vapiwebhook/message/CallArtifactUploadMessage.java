package io.github.vapiwebhook.message;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * A {@code call.artifact.upload}: artifacts finished uploading to the customer's own
 * storage. May arrive once per call or once per artifact.
 *
 * @param context the fields common to all messages
 * @param artifacts the uploaded artifacts
 */
public record CallArtifactUploadMessage(MessageContext context, List<Upload> artifacts) implements EventMessage {

	public CallArtifactUploadMessage {
		artifacts = (artifacts != null) ? List.copyOf(artifacts) : List.of();
	}

	/**
	 * One uploaded artifact.
	 *
	 * @param type {@code end-of-call-report}, {@code recording-mono},
	 * {@code recording-stereo}, {@code recording-assistant}, {@code recording-customer},
	 * {@code log} or {@code pcap}
	 * @param success whether the upload succeeded
	 */
	@JsonDeserialize(using = RecordDeserializer.class)
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record Upload(@Nullable String type, @Nullable Boolean success) {
	}

}

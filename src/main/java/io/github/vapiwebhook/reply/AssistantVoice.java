package io.github.vapiwebhook.reply;

import java.util.List;

import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The voice of a transient assistant: Vapi's {@code voice} object (one of
 * {@code ElevenLabsVoice}, {@code CartesiaVoice}, {@code AzureVoice}, ... chosen by its
 * {@code provider}). Built by {@link TransientAssistantBuilder}.
 *
 * @param provider the provider as Vapi spells it ({@code 11labs}, {@code cartesia},
 * {@code azure}, {@code openai}, {@code vapi}, ...)
 * @param voiceId the provider's voice id or preset name
 * @param fields any other field of the voice object
 */
public record AssistantVoice(String provider, String voiceId, PassThroughFields fields) {

	public AssistantVoice {
		if (provider == null || provider.isBlank() || voiceId == null || voiceId.isBlank()) {
			throw new IllegalArgumentException("A voice needs a provider and a voice id, e.g. 11labs, burt");
		}
		fields.requireNoneOf("voice", List.of("provider", "voiceId"));
	}

	/**
	 * The voice object as Vapi reads it.
	 * @return a new JSON object
	 */
	public ObjectNode toJson() {
		return this.fields
			.writeTo(JsonNodeFactory.instance.objectNode().put("provider", this.provider).put("voiceId", this.voiceId));
	}

}

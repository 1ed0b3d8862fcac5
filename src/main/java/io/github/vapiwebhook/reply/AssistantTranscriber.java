package io.github.vapiwebhook.reply;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The speech-to-text of a transient assistant: Vapi's {@code transcriber} object (one of
 * {@code DeepgramTranscriber}, {@code GoogleTranscriber}, ... chosen by its
 * {@code provider}). Built by {@link TransientAssistantBuilder}.
 *
 * @param provider the provider as Vapi spells it ({@code deepgram}, {@code google},
 * {@code assembly-ai}, ...)
 * @param model the provider's model, or null for the provider's default
 * @param fields any other field of the transcriber object (for example {@code language})
 */
public record AssistantTranscriber(String provider, @Nullable String model, PassThroughFields fields) {

	public AssistantTranscriber {
		if (provider == null || provider.isBlank()) {
			throw new IllegalArgumentException("A transcriber needs a provider, e.g. deepgram");
		}
		if (model != null && model.isBlank()) {
			throw new IllegalArgumentException("The transcriber's model is blank; leave it out instead");
		}
		List<String> typed = new ArrayList<>(List.of("provider"));
		if (model != null) {
			typed.add("model");
		}
		fields.requireNoneOf("transcriber", typed);
	}

	/**
	 * The transcriber object as Vapi reads it.
	 * @return a new JSON object
	 */
	public ObjectNode toJson() {
		ObjectNode json = JsonNodeFactory.instance.objectNode().put("provider", this.provider);
		PassThroughFields.putIfPresent(json, "model", this.model);
		return this.fields.writeTo(json);
	}

}

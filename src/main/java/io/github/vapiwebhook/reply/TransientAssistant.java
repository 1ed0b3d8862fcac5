package io.github.vapiwebhook.reply;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonValue;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A transient assistant for the reply to an {@code assistant-request}: what Vapi's schema
 * calls {@code CreateAssistantDTO}, with the common parts typed and any other field
 * passed through. Build it with {@link #builder()} and answer with
 * {@link AssistantRequestReply#assistant(TransientAssistant)}. It is written as JSON with
 * the fields that were set, nothing else.
 *
 * @param name the assistant's name, at most 40 characters
 * @param firstMessage what the assistant says first (or the URL of an audio file); when
 * absent, it waits for the caller to speak
 * @param model the language model
 * @param voice the voice
 * @param transcriber the speech-to-text
 * @param server where Vapi sends this assistant's server messages
 * @param fields any other field of {@code CreateAssistantDTO}
 */
public record TransientAssistant(@Nullable String name, @Nullable String firstMessage, @Nullable AssistantModel model,
		@Nullable AssistantVoice voice, @Nullable AssistantTranscriber transcriber, @Nullable AssistantServer server,
		PassThroughFields fields) {

	public TransientAssistant {
		if (name != null && (name.isBlank() || name.length() > 40)) {
			throw new IllegalArgumentException("The assistant's name must be 1 to 40 characters; got " + name.length()
					+ " (Vapi refuses longer names)");
		}
		if (firstMessage != null && firstMessage.isBlank()) {
			throw new IllegalArgumentException(
					"The first message is blank; leave it out to have the assistant wait for the caller");
		}
		fields.requireNoneOf("assistant", typedNames(name, firstMessage, model, voice, transcriber, server));
	}

	private static List<String> typedNames(@Nullable String name, @Nullable String firstMessage,
			@Nullable AssistantModel model, @Nullable AssistantVoice voice, @Nullable AssistantTranscriber transcriber,
			@Nullable AssistantServer server) {
		Map<String, @Nullable Object> parts = new LinkedHashMap<>();
		parts.put("name", name);
		parts.put("firstMessage", firstMessage);
		parts.put("model", model);
		parts.put("voice", voice);
		parts.put("transcriber", transcriber);
		parts.put("server", server);
		return parts.entrySet().stream().filter((part) -> part.getValue() != null).map(Map.Entry::getKey).toList();
	}

	/**
	 * Starts a transient assistant.
	 * @return a new builder
	 */
	public static TransientAssistantBuilder builder() {
		return new TransientAssistantBuilder();
	}

	/**
	 * The assistant as Vapi reads it ({@code CreateAssistantDTO}): the fields that were
	 * set, the typed ones first.
	 * @return a new JSON object
	 */
	@JsonValue
	public ObjectNode toJson() {
		ObjectNode json = JsonNodeFactory.instance.objectNode();
		PassThroughFields.putIfPresent(json, "name", this.name);
		PassThroughFields.putIfPresent(json, "firstMessage", this.firstMessage);
		if (this.model != null) {
			json.set("model", this.model.toJson());
		}
		if (this.voice != null) {
			json.set("voice", this.voice.toJson());
		}
		if (this.transcriber != null) {
			json.set("transcriber", this.transcriber.toJson());
		}
		if (this.server != null) {
			json.set("server", this.server.toJson());
		}
		return this.fields.writeTo(json);
	}

}

package io.github.vapiwebhook.reply;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The language model of a transient assistant: Vapi's {@code model} object (one of
 * {@code OpenAIModel}, {@code AnthropicModel}, {@code GoogleModel}, ... chosen by its
 * {@code provider}). Provider and model names are open strings, as Vapi adds both every
 * month. Built by {@link TransientAssistantBuilder}.
 *
 * @param provider the provider as Vapi spells it ({@code openai}, {@code anthropic},
 * {@code google}, {@code groq}, {@code custom-llm}, ...)
 * @param model the provider's model name ({@code gpt-4.1-mini}, ...)
 * @param systemPrompt the system prompt, sent as the first of {@code messages}
 * @param toolIds the ids of tools saved in Vapi that the assistant may call
 * @param temperature the sampling temperature, 0 to 2
 * @param maxTokens the most tokens of one answer, 50 to 10000
 * @param fields any other field of the model object
 */
public record AssistantModel(String provider, String model, @Nullable String systemPrompt, List<String> toolIds,
		@Nullable Double temperature, @Nullable Integer maxTokens, PassThroughFields fields) {

	public AssistantModel {
		if (provider == null || provider.isBlank() || model == null || model.isBlank()) {
			throw new IllegalArgumentException("A model needs a provider and a model name, e.g. openai, gpt-4.1-mini");
		}
		if (systemPrompt != null && systemPrompt.isBlank()) {
			throw new IllegalArgumentException("The system prompt is blank; leave it out instead");
		}
		toolIds = List.copyOf(toolIds);
		if (toolIds.stream().anyMatch(String::isBlank)) {
			throw new IllegalArgumentException("A tool id is blank");
		}
		if (temperature != null && (temperature < 0 || temperature > 2)) {
			throw new IllegalArgumentException("The model's temperature must be between 0 and 2; got " + temperature);
		}
		if (maxTokens != null && (maxTokens < 50 || maxTokens > 10000)) {
			throw new IllegalArgumentException("The model's maxTokens must be between 50 and 10000; got " + maxTokens);
		}
		fields.requireNoneOf("model", typedNames(systemPrompt, toolIds, temperature, maxTokens));
	}

	private static List<String> typedNames(@Nullable String systemPrompt, List<String> toolIds,
			@Nullable Double temperature, @Nullable Integer maxTokens) {
		List<String> names = new ArrayList<>(List.of("provider", "model"));
		if (systemPrompt != null) {
			names.add("messages");
		}
		if (!toolIds.isEmpty()) {
			names.add("toolIds");
		}
		if (temperature != null) {
			names.add("temperature");
		}
		if (maxTokens != null) {
			names.add("maxTokens");
		}
		return names;
	}

	/**
	 * The model object as Vapi reads it.
	 * @return a new JSON object
	 */
	public ObjectNode toJson() {
		ObjectNode json = JsonNodeFactory.instance.objectNode().put("provider", this.provider).put("model", this.model);
		if (this.systemPrompt != null) {
			json.putArray("messages").addObject().put("role", "system").put("content", this.systemPrompt);
		}
		if (!this.toolIds.isEmpty()) {
			this.toolIds.forEach(json.putArray("toolIds")::add);
		}
		PassThroughFields.putIfPresent(json, "temperature", this.temperature);
		PassThroughFields.putIfPresent(json, "maxTokens", this.maxTokens);
		return this.fields.writeTo(json);
	}

}

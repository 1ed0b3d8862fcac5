package io.github.vapiwebhook.reply;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Builds a {@link TransientAssistant}: the common parts by name, any other field of the
 * assistant or of its parts with the {@code with...} methods. {@link #build()} refuses
 * what Vapi would refuse (a model without provider or model name, a voice without voice
 * id, a name over 40 characters, a timeout out of range, a field set twice), so that a
 * mistake shows where the assistant is written, not as a failed call.
 */
public final class TransientAssistantBuilder {

	private @Nullable String name;

	private @Nullable String firstMessage;

	private @Nullable String modelProvider;

	private @Nullable String model;

	private @Nullable String systemPrompt;

	private final List<String> toolIds = new ArrayList<>();

	private @Nullable Double temperature;

	private @Nullable Integer maxTokens;

	private PassThroughFields modelFields = PassThroughFields.none();

	private @Nullable String voiceProvider;

	private @Nullable String voiceId;

	private PassThroughFields voiceFields = PassThroughFields.none();

	private @Nullable String transcriberProvider;

	private @Nullable String transcriberModel;

	private PassThroughFields transcriberFields = PassThroughFields.none();

	private @Nullable String serverUrl;

	private @Nullable Integer serverTimeoutSeconds;

	private @Nullable String serverCredentialId;

	private PassThroughFields serverFields = PassThroughFields.none();

	private PassThroughFields fields = PassThroughFields.none();

	TransientAssistantBuilder() {
	}

	/**
	 * The assistant's name (needed to transfer between assistants), at most 40
	 * characters.
	 * @param name the name
	 * @return this builder
	 */
	public TransientAssistantBuilder name(String name) {
		this.name = name;
		return this;
	}

	/**
	 * What the assistant says first, or the URL of an audio file.
	 * @param firstMessage the first message
	 * @return this builder
	 */
	public TransientAssistantBuilder firstMessage(String firstMessage) {
		this.firstMessage = firstMessage;
		return this;
	}

	/**
	 * The language model.
	 * @param provider the provider as Vapi spells it ({@code openai}, {@code anthropic},
	 * {@code google}, ...)
	 * @param model the model name ({@code gpt-4.1-mini}, ...)
	 * @return this builder
	 */
	public TransientAssistantBuilder model(String provider, String model) {
		this.modelProvider = provider;
		this.model = model;
		return this;
	}

	/**
	 * The model's system prompt.
	 * @param systemPrompt the prompt
	 * @return this builder
	 */
	public TransientAssistantBuilder systemPrompt(String systemPrompt) {
		this.systemPrompt = systemPrompt;
		return this;
	}

	/**
	 * Tools saved in Vapi that the model may call, added to those given before.
	 * @param toolIds the tool ids
	 * @return this builder
	 */
	public TransientAssistantBuilder toolIds(String... toolIds) {
		return toolIds(Arrays.asList(toolIds));
	}

	/**
	 * Tools saved in Vapi that the model may call, added to those given before.
	 * @param toolIds the tool ids
	 * @return this builder
	 */
	public TransientAssistantBuilder toolIds(Collection<String> toolIds) {
		this.toolIds.addAll(toolIds);
		return this;
	}

	/**
	 * The model's sampling temperature, 0 to 2.
	 * @param temperature the temperature
	 * @return this builder
	 */
	public TransientAssistantBuilder temperature(double temperature) {
		this.temperature = temperature;
		return this;
	}

	/**
	 * The most tokens of one answer of the model, 50 to 10000.
	 * @param maxTokens the limit
	 * @return this builder
	 */
	public TransientAssistantBuilder maxTokens(int maxTokens) {
		this.maxTokens = maxTokens;
		return this;
	}

	/**
	 * Any other field of the model object ({@code fallbackModels}, {@code url} of a
	 * {@code custom-llm}, ...).
	 * @param field the field's name as Vapi spells it
	 * @param value a JsonNode, or anything Jackson writes as JSON
	 * @return this builder
	 */
	public TransientAssistantBuilder withModel(String field, Object value) {
		this.modelFields = this.modelFields.with(field, value);
		return this;
	}

	/**
	 * The voice.
	 * @param provider the provider as Vapi spells it ({@code 11labs}, {@code cartesia},
	 * {@code azure}, ...)
	 * @param voiceId the voice id or preset name
	 * @return this builder
	 */
	public TransientAssistantBuilder voice(String provider, String voiceId) {
		this.voiceProvider = provider;
		this.voiceId = voiceId;
		return this;
	}

	/**
	 * Any other field of the voice object ({@code model}, {@code speed}, ...).
	 * @param field the field's name as Vapi spells it
	 * @param value a JsonNode, or anything Jackson writes as JSON
	 * @return this builder
	 */
	public TransientAssistantBuilder withVoice(String field, Object value) {
		this.voiceFields = this.voiceFields.with(field, value);
		return this;
	}

	/**
	 * The speech-to-text, with the provider's default model.
	 * @param provider the provider as Vapi spells it ({@code deepgram}, ...)
	 * @return this builder
	 */
	public TransientAssistantBuilder transcriber(String provider) {
		this.transcriberProvider = provider;
		this.transcriberModel = null;
		return this;
	}

	/**
	 * The speech-to-text.
	 * @param provider the provider as Vapi spells it ({@code deepgram}, ...)
	 * @param model the provider's model ({@code nova-3}, ...)
	 * @return this builder
	 */
	public TransientAssistantBuilder transcriber(String provider, String model) {
		this.transcriberProvider = provider;
		this.transcriberModel = model;
		return this;
	}

	/**
	 * Any other field of the transcriber object ({@code language}, ...).
	 * @param field the field's name as Vapi spells it
	 * @param value a JsonNode, or anything Jackson writes as JSON
	 * @return this builder
	 */
	public TransientAssistantBuilder withTranscriber(String field, Object value) {
		this.transcriberFields = this.transcriberFields.with(field, value);
		return this;
	}

	/**
	 * Where Vapi sends this assistant's server messages (and tool calls of tools without
	 * a server of their own).
	 * @param url the absolute http or https URL
	 * @return this builder
	 */
	public TransientAssistantBuilder server(String url) {
		this.serverUrl = url;
		return this;
	}

	/**
	 * How long Vapi waits for the server's answer, 1 to 300 seconds (Vapi's default 20).
	 * @param timeoutSeconds the timeout
	 * @return this builder
	 */
	public TransientAssistantBuilder serverTimeoutSeconds(int timeoutSeconds) {
		this.serverTimeoutSeconds = timeoutSeconds;
		return this;
	}

	/**
	 * The Vapi credential that authenticates the requests to the server.
	 * @param credentialId the credential's id
	 * @return this builder
	 */
	public TransientAssistantBuilder serverCredentialId(String credentialId) {
		this.serverCredentialId = credentialId;
		return this;
	}

	/**
	 * Any other field of the server object ({@code headers}, {@code backoffPlan}, ...).
	 * @param field the field's name as Vapi spells it
	 * @param value a JsonNode, or anything Jackson writes as JSON
	 * @return this builder
	 */
	public TransientAssistantBuilder withServer(String field, Object value) {
		this.serverFields = this.serverFields.with(field, value);
		return this;
	}

	/**
	 * Any other field of the assistant ({@code maxDurationSeconds},
	 * {@code serverMessages}, {@code firstMessageMode}, ...).
	 * @param field the field's name as Vapi spells it
	 * @param value a JsonNode, or anything Jackson writes as JSON
	 * @return this builder
	 */
	public TransientAssistantBuilder with(String field, Object value) {
		this.fields = this.fields.with(field, value);
		return this;
	}

	/**
	 * Checks the parts and builds the assistant.
	 * @return the assistant
	 * @throws IllegalArgumentException when Vapi would refuse it, naming the field
	 */
	public TransientAssistant build() {
		return new TransientAssistant(this.name, this.firstMessage, model(), voice(), transcriber(), server(),
				this.fields);
	}

	private @Nullable AssistantModel model() {
		boolean details = this.systemPrompt != null || !this.toolIds.isEmpty() || this.temperature != null
				|| this.maxTokens != null || !this.modelFields.values().isEmpty();
		if (this.modelProvider == null) {
			requireAbsent(details, "the model's details", "model(provider, model)");
			return null;
		}
		return new AssistantModel(this.modelProvider, this.model, this.systemPrompt, this.toolIds, this.temperature,
				this.maxTokens, this.modelFields);
	}

	private @Nullable AssistantVoice voice() {
		if (this.voiceProvider == null) {
			requireAbsent(!this.voiceFields.values().isEmpty(), "withVoice(...)", "voice(provider, voiceId)");
			return null;
		}
		return new AssistantVoice(this.voiceProvider, this.voiceId, this.voiceFields);
	}

	private @Nullable AssistantTranscriber transcriber() {
		if (this.transcriberProvider == null) {
			requireAbsent(!this.transcriberFields.values().isEmpty(), "withTranscriber(...)", "transcriber(provider)");
			return null;
		}
		return new AssistantTranscriber(this.transcriberProvider, this.transcriberModel, this.transcriberFields);
	}

	private @Nullable AssistantServer server() {
		boolean details = this.serverTimeoutSeconds != null || this.serverCredentialId != null
				|| !this.serverFields.values().isEmpty();
		if (this.serverUrl == null) {
			requireAbsent(details, "the server's details", "server(url)");
			return null;
		}
		return new AssistantServer(this.serverUrl, this.serverTimeoutSeconds, this.serverCredentialId,
				this.serverFields);
	}

	private static void requireAbsent(boolean present, String what, String needed) {
		if (present) {
			throw new IllegalArgumentException(what + " given without " + needed);
		}
	}

}

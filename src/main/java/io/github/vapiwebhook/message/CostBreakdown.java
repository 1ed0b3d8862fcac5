package io.github.vapiwebhook.message;

import java.math.BigDecimal;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * Cost of a call per component, in USD ({@code Call.costBreakdown}).
 *
 * @param transport telephony cost
 * @param stt transcription cost
 * @param llm model cost
 * @param tts voice cost
 * @param vapi Vapi's platform cost
 * @param chat chat cost
 * @param total total cost
 * @param llmPromptTokens prompt tokens used
 * @param llmCompletionTokens completion tokens used
 * @param ttsCharacters characters spoken
 */
@JsonDeserialize(using = RecordDeserializer.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CostBreakdown(@Nullable BigDecimal transport, @Nullable BigDecimal stt, @Nullable BigDecimal llm,
		@Nullable BigDecimal tts, @Nullable BigDecimal vapi, @Nullable BigDecimal chat, @Nullable BigDecimal total,
		@Nullable Long llmPromptTokens, @Nullable Long llmCompletionTokens, @Nullable Long ttsCharacters) {
}

package io.github.vapiwebhook.message;

import java.math.BigDecimal;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * One entry of an end-of-call report's {@code costs}, discriminated by {@code type}
 * ({@code transport}, {@code transcriber}, {@code model}, {@code voice}, {@code vapi},
 * {@code analysis}, {@code voicemail-detection}, {@code knowledge-base}, ...). Only the
 * fields shared by several types are typed.
 *
 * @param type the cost type
 * @param cost the cost in USD
 * @param minutes billed minutes, for time-based costs
 * @param promptTokens prompt tokens, for model-based costs
 * @param completionTokens completion tokens, for model-based costs
 * @param characters spoken characters, for voice costs
 */
@JsonDeserialize(using = RecordDeserializer.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CostItem(String type, @Nullable BigDecimal cost, @Nullable Double minutes, @Nullable Long promptTokens,
		@Nullable Long completionTokens, @Nullable Long characters) {

	public CostItem {
		type = (type != null) ? type : "unknown";
	}

}

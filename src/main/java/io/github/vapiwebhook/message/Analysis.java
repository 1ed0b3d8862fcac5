package io.github.vapiwebhook.message;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * The post-call analysis of an end-of-call report.
 *
 * @param summary the call summary
 * @param structuredData data extracted by the structured-data plan
 * @param structuredDataMulti data extracted by several structured-data plans
 * @param successEvaluation the success evaluation: {@code "true"}, a score or text,
 * depending on the rubric
 */
@JsonDeserialize(using = RecordDeserializer.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Analysis(@Nullable String summary, @Nullable JsonNode structuredData, List<JsonNode> structuredDataMulti,
		@Nullable String successEvaluation) {

	/** No analysis. */
	public static final Analysis EMPTY = new Analysis(null, null, List.of(), null);

	public Analysis {
		structuredDataMulti = (structuredDataMulti != null) ? List.copyOf(structuredDataMulti) : List.of();
	}

	/**
	 * Describes this object without personal data or conversation content, which must
	 * never reach the logs.
	 * @return a redacted description
	 */
	@Override
	public String toString() {
		return "Analysis[redacted]";
	}

}

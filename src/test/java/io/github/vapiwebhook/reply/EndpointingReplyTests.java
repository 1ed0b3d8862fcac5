package io.github.vapiwebhook.reply;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.skyscreamer.jsonassert.JSONAssert;
import org.skyscreamer.jsonassert.JSONCompareMode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class EndpointingReplyTests {

	private final JsonMapper mapper = JsonMapper.builder().build();

	@Test
	void serialisesTimeoutSeconds() throws Exception {
		assertJson(new EndpointingReply(1.5), "{\"timeoutSeconds\":1.5}");
	}

	@ParameterizedTest
	@ValueSource(doubles = { 0, 15 })
	void acceptsTheBounds(double seconds) throws Exception {
		assertJson(new EndpointingReply(seconds), "{\"timeoutSeconds\":" + seconds + "}");
	}

	@ParameterizedTest
	@ValueSource(doubles = { -0.1, 15.01, Double.NaN, Double.POSITIVE_INFINITY })
	void rejectsValuesOutsideZeroToFifteen(double seconds) {
		assertThatIllegalArgumentException().isThrownBy(() -> new EndpointingReply(seconds))
			.withMessageContaining("between 0 and 15");
	}

	@Test
	void predialReplyIsTheBareEligibleFlag() throws Exception {
		assertJson(new PredialReply(true), "{\"eligible\":true}");
		assertJson(new PredialReply(false), "{\"eligible\":false}");
	}

	private void assertJson(Object reply, String expected) throws Exception {
		JSONAssert.assertEquals(expected, this.mapper.writeValueAsString(reply), JSONCompareMode.STRICT);
	}

}

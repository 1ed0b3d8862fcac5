package io.github.vapiwebhook.calls;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class CallQueryTests {

	@Test
	void blankParametersAreAbsentAndTheLimitDefaultsTo50() {
		CallQuery query = CallQuery.of(null, " ", "", null, null, "");
		assertThat(query).isEqualTo(new CallQuery(null, null, null, null, 50, null));
	}

	@Test
	void readsInstantsWithAnOffset() {
		CallQuery query = CallQuery.of("2025-11-26T18:40:00+01:00", "2025-11-27T00:00:00Z", "customer-ended-call",
				"assistant-1", "200", null);
		assertThat(query.from()).isEqualTo(Instant.parse("2025-11-26T17:40:00Z"));
		assertThat(query.to()).isEqualTo(Instant.parse("2025-11-27T00:00:00Z"));
		assertThat(query.limit()).isEqualTo(200);
	}

	@ParameterizedTest
	@ValueSource(strings = { "0", "201", "-1", "ten", "1.5" })
	void refusesALimitOutside1To200(String limit) {
		assertThatExceptionOfType(InvalidCallQueryException.class)
			.isThrownBy(() -> CallQuery.of(null, null, null, null, limit, null))
			.withMessage("'limit' must be a number from 1 to 200");
	}

	@Test
	void refusesAnInstantThatIsNotIso8601() {
		assertThatExceptionOfType(InvalidCallQueryException.class)
			.isThrownBy(() -> CallQuery.of("yesterday", null, null, null, null, null))
			.withMessageStartingWith("'from' must be an ISO-8601 instant");
		assertThatExceptionOfType(InvalidCallQueryException.class)
			.isThrownBy(() -> CallQuery.of(null, "2025-11-26", null, null, null, null))
			.withMessageStartingWith("'to' must be an ISO-8601 instant");
	}

	@Test
	void refusesARangeThatEndsBeforeItStarts() {
		assertThatExceptionOfType(InvalidCallQueryException.class)
			.isThrownBy(() -> CallQuery.of("2025-11-27T00:00:00Z", "2025-11-26T00:00:00Z", null, null, null, null))
			.withMessage("'from' must be before 'to'");
	}

}

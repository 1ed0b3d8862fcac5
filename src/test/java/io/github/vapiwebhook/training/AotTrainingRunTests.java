package io.github.vapiwebhook.training;

import java.util.Map;

import io.github.vapiwebhook.tools.VapiTool;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

class AotTrainingRunTests {

	@Nested
	@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
			properties = "vapi.security.hmac.secrets=aot-training-secret")
	@Import(UserToolsConfiguration.class)
	class WithHmac {

		@LocalServerPort
		int port;

		@Autowired
		AotTrainingRun training;

		@Autowired
		UserTools userTools;

		@Test
		void requestsGoThroughTheWholeStackWithoutRunningUserCode() {
			Map<Integer, Integer> statuses = this.training.train(this.port, 20);
			// tool-calls answered (the probe tool is unknown: an error entry, HTTP 200),
			// one malformed body and one bad credential in every ten
			assertThat(statuses).isEqualTo(Map.of(200, 16, 400, 2, 401, 2));
			assertThat(this.userTools.calls).isZero();
		}

	}

	@Nested
	@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
			properties = "vapi.security.shared-secret.secrets=aot-shared-secret")
	class WithSharedSecret {

		@LocalServerPort
		int port;

		@Autowired
		AotTrainingRun training;

		@Test
		void requestsCarryTheSharedSecret() {
			assertThat(this.training.train(this.port, 10)).isEqualTo(Map.of(200, 8, 400, 1, 401, 1));
		}

	}

	@Nested
	@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
			properties = "vapi.security.bearer.tokens=aot-bearer-token")
	class WithBearerToken {

		@LocalServerPort
		int port;

		@Autowired
		AotTrainingRun training;

		@Test
		void requestsCarryTheToken() {
			assertThat(this.training.train(this.port, 10)).isEqualTo(Map.of(200, 8, 400, 1, 401, 1));
		}

	}

	/**
	 * Imported by the test that needs it (not a nested configuration picked up by all).
	 */
	static class UserToolsConfiguration {

		@Bean
		UserTools userTools() {
			return new UserTools();
		}

	}

	static class UserTools {

		int calls;

		@VapiTool(name = "book_table", description = "A user's tool, which training must not run")
		String bookTable(String name) {
			this.calls++;
			return "booked";
		}

	}

}

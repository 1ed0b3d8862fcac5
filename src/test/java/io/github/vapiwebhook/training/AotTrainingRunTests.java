package io.github.vapiwebhook.training;

import java.net.ConnectException;
import java.net.Socket;
import java.util.Map;

import io.github.vapiwebhook.tools.VapiTool;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class AotTrainingRunTests {

	@Test
	void startsTheServerSendsItTheRequestsAndStopsIt() {
		TrainingResult result = new AotTrainingRun(20).run("--server.port=0",
				"--vapi.security.hmac.secrets=aot-training-secret", "--spring.main.banner-mode=off");
		// tool-calls answered (the probe tool is unknown: an error entry, HTTP 200), one
		// malformed body and one bad credential in every ten
		assertThat(result.statuses()).isEqualTo(Map.of(200, 16, 400, 2, 401, 2));
		assertThat(result.asExpected()).isTrue();
		assertThatExceptionOfType(ConnectException.class)
			.isThrownBy(() -> new Socket("127.0.0.1", result.uri().getPort()).close());
	}

	@Test
	void needsAtLeastOneRequest() {
		assertThatIllegalArgumentException().isThrownBy(() -> new AotTrainingRun(0));
	}

	@Nested
	@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
			properties = "vapi.security.hmac.secrets=aot-training-secret")
	@Import(UserToolsConfiguration.class)
	class WithHmac {

		@Autowired
		ConfigurableApplicationContext context;

		@Autowired
		UserTools userTools;

		@Test
		void requestsGoThroughTheWholeStackWithoutRunningUserCode() {
			TrainingResult result = new AotTrainingRun(20).train(this.context);
			assertThat(result.statuses()).isEqualTo(Map.of(200, 16, 400, 2, 401, 2));
			assertThat(result.asExpected()).isTrue();
			assertThat(this.userTools.calls).isZero();
		}

		@Test
		void isNoPartOfTheApplication() {
			assertThat(this.context.getBeanNamesForType(AotTrainingRun.class)).isEmpty();
			assertThat(this.context.getBeanNamesForType(TrainingClient.class)).isEmpty();
		}

	}

	@Nested
	@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
			properties = "vapi.security.shared-secret.secrets=aot-shared-secret")
	class WithSharedSecret {

		@Autowired
		ConfigurableApplicationContext context;

		@Test
		void requestsCarryTheSharedSecret() {
			assertThat(new AotTrainingRun(10).train(this.context).statuses()).isEqualTo(Map.of(200, 8, 400, 1, 401, 1));
		}

	}

	@Nested
	@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
			properties = "vapi.security.bearer.tokens=aot-bearer-token")
	class WithBearerToken {

		@Autowired
		ConfigurableApplicationContext context;

		@Test
		void requestsCarryTheToken() {
			assertThat(new AotTrainingRun(10).train(this.context).statuses()).isEqualTo(Map.of(200, 8, 400, 1, 401, 1));
		}

	}

	@Nested
	@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
			properties = { "vapi.security.oauth2.token-endpoint.client-id=aot",
					"vapi.security.oauth2.token-endpoint.client-secrets=aot-client-secret",
					"vapi.security.oauth2.token-endpoint.signing-secret=aot-signing-secret-0123456789abcdef" })
	class WithTokenEndpoint {

		@Autowired
		ConfigurableApplicationContext context;

		@Test
		void requestsCarryATokenOfTheEndpoint() {
			assertThat(new AotTrainingRun(10).train(this.context).statuses()).isEqualTo(Map.of(200, 8, 400, 1, 401, 1));
		}

	}

	@Nested
	@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
	class WithoutCredential {

		@Autowired
		ConfigurableApplicationContext context;

		@Test
		void refusedRequestsMakeTheRunFail() {
			TrainingResult result = new AotTrainingRun(10).train(this.context);
			assertThat(result.statuses()).isEqualTo(Map.of(401, 10));
			assertThat(result.asExpected()).isFalse();
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

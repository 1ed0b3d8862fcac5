package io.github.vapiwebhook.management;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The actuator endpoints over real HTTP: health open, the rest behind a bearer token on
 * the application's port, and on a separate management port bound to the loopback
 * address.
 */
class ManagementEndpointsTests {

	static final String TOKEN = "test-management-token";

	static int status(int port, String path, @Nullable String authorization) {
		RestClient.RequestHeadersSpec<?> request = RestClient.create().get().uri("http://127.0.0.1:" + port + path);
		if (authorization != null) {
			request = request.header("Authorization", authorization);
		}
		return request.exchange((req, response) -> response.getStatusCode().value());
	}

	/** The status of a GET sent as it is, without a client normalizing its path. */
	static int rawStatus(int port, String path) throws IOException {
		try (Socket socket = new Socket("127.0.0.1", port)) {
			socket.setSoTimeout(10_000);
			socket.getOutputStream()
				.write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
					.getBytes(StandardCharsets.US_ASCII));
			String statusLine = new String(socket.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);
			return Integer.parseInt(statusLine.substring(9, 12));
		}
	}

	@Nested
	@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
			properties = { "vapi.security.shared-secret.secrets=test-secret", "vapi.management.tokens=" + TOKEN })
	class OnTheApplicationPortWithAToken {

		@LocalServerPort
		int port;

		@ParameterizedTest
		@ValueSource(strings = { "/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness" })
		void healthAnswersWithoutCredential(String path) {
			assertThat(status(this.port, path, null)).isEqualTo(200);
		}

		@ParameterizedTest
		@ValueSource(strings = { "/actuator", "/actuator/prometheus", "/actuator/vapitools", "/actuator/info",
				"/actuator/metrics", "/actuator/metrics/vapi.webhook.auth.rejections", "/actuator/healthz",
				"/actuator/nonexistent" })
		void otherEndpointsAreRefusedWithoutTheToken(String path) {
			assertThat(status(this.port, path, null)).isEqualTo(401);
			assertThat(status(this.port, path, "Bearer wrong-token")).isEqualTo(401);
			assertThat(status(this.port, path, TOKEN)).isEqualTo(401);
			assertThat(status(this.port, path, "Basic " + TOKEN)).isEqualTo(401);
		}

		@ParameterizedTest
		@ValueSource(strings = { "/actuator", "/actuator/prometheus", "/actuator/vapitools", "/actuator/info",
				"/actuator/metrics" })
		void otherEndpointsAnswerWithTheToken(String path) {
			assertThat(status(this.port, path, "Bearer " + TOKEN)).isEqualTo(200);
			assertThat(status(this.port, path, "bearer " + TOKEN)).isEqualTo(200);
		}

		@ParameterizedTest
		@ValueSource(strings = { "/actuator/health/../prometheus", "/actuator/health/..;/prometheus",
				"/actuator/health/%2e%2e/prometheus", "/actuator/health;x=y/../vapitools",
				"/actuator/health/liveness/../../info" })
		void pathsThatLeaveHealthAreNotOpen(String path) throws IOException {
			assertThat(rawStatus(this.port, path)).isNotEqualTo(200);
		}

		@Test
		void refusalIsAProblemDocumentThatAsksForABearerToken() {
			RestClient.create()
				.get()
				.uri("http://127.0.0.1:" + this.port + "/actuator/prometheus")
				.exchange((request, response) -> {
					assertThat(response.getStatusCode().value()).isEqualTo(401);
					assertThat(response.getHeaders().getFirst("WWW-Authenticate")).isEqualTo("Bearer");
					assertThat(
							response.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
						.isTrue();
					return null;
				});
		}

	}

	@Nested
	@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
			properties = "vapi.security.shared-secret.secrets=test-secret")
	class OnTheApplicationPortWithoutAToken {

		@LocalServerPort
		int port;

		@Test
		void healthAnswersAndEverythingElseIsRefused() {
			assertThat(status(this.port, "/actuator/health", null)).isEqualTo(200);
			for (String path : new String[] { "/actuator", "/actuator/prometheus", "/actuator/vapitools",
					"/actuator/info", "/actuator/metrics" }) {
				assertThat(status(this.port, path, null)).as(path).isEqualTo(401);
				assertThat(status(this.port, path, "Bearer anything")).as(path).isEqualTo(401);
			}
		}

	}

	@Nested
	@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
			properties = { "vapi.security.shared-secret.secrets=test-secret", "management.server.port=0" })
	class OnASeparatePortWithoutAToken {

		@LocalServerPort
		int port;

		@LocalManagementPort
		int managementPort;

		@Autowired
		Environment environment;

		@Test
		void endpointsAnswerWithoutCredentialOnTheManagementPortOnly() {
			assertThat(this.managementPort).isNotEqualTo(this.port);
			for (String path : new String[] { "/actuator/health", "/actuator/prometheus", "/actuator/vapitools",
					"/actuator/info" }) {
				assertThat(status(this.managementPort, path, null)).as(path).isEqualTo(200);
				assertThat(status(this.port, path, null)).as(path).isEqualTo(404);
			}
		}

		@Test
		void managementPortIsBoundToTheLoopbackAddress() {
			assertThat(this.environment.getProperty("management.server.address")).isEqualTo("127.0.0.1");
		}

	}

	@Nested
	@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
			properties = { "vapi.security.shared-secret.secrets=test-secret", "management.server.port=0",
					"vapi.management.tokens=" + TOKEN })
	class OnASeparatePortWithAToken {

		@LocalManagementPort
		int managementPort;

		@Test
		void healthIsOpenAndTheRestNeedsTheToken() {
			assertThat(status(this.managementPort, "/actuator/health", null)).isEqualTo(200);
			for (String path : new String[] { "/actuator/prometheus", "/actuator/vapitools", "/actuator/info" }) {
				assertThat(status(this.managementPort, path, null)).as(path).isEqualTo(401);
				assertThat(status(this.managementPort, path, "Bearer " + TOKEN)).as(path).isEqualTo(200);
			}
		}

	}

}

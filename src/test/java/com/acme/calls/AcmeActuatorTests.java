package com.acme.calls;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An application that uses the library and exposes every actuator endpoint over HTTP
 * still keeps the tool definitions, the metrics and the rest behind the management token;
 * health stays open.
 */
@SpringBootTest(classes = AcmeCallsApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "vapi.security.hmac.secrets=whsec-acme", "management.endpoints.web.exposure.include=*",
				"vapi.management.tokens=acme-management-token" })
class AcmeActuatorTests {

	@LocalServerPort
	int port;

	@Test
	void exposedEndpointsNeedTheManagementTokenAndHealthDoesNot() {
		assertThat(status("/actuator/health", null)).isEqualTo(200);
		for (String path : new String[] { "/actuator/vapitools", "/actuator/prometheus", "/actuator/info",
				"/actuator/env", "/actuator/beans", "/actuator/loggers" }) {
			assertThat(status(path, null)).as(path).isEqualTo(401);
			assertThat(status(path, "Bearer acme-management-token")).as(path).isEqualTo(200);
		}
	}

	private int status(String path, String authorization) {
		RestClient.RequestHeadersSpec<?> request = RestClient.create()
			.get()
			.uri("http://127.0.0.1:" + this.port + path);
		if (authorization != null) {
			request = request.header("Authorization", authorization);
		}
		return request.exchange((req, response) -> response.getStatusCode().value());
	}

}

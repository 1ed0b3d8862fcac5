package io.github.vapiwebhook.observability;

import java.nio.charset.StandardCharsets;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "vapi.security.shared-secret.secrets=test-secret")
class BodySizeFilterTests {

	@LocalServerPort
	int port;

	@Autowired
	MeterRegistry registry;

	@Test
	void recordsTheSizeOfEachAcceptedBodyWithoutTags() {
		DistributionSummary sizes = this.registry.get(BodySizeFilter.BODY_SIZE).summary();
		long before = sizes.count();
		double totalBefore = sizes.totalAmount();
		byte[] body = "{\"message\":{\"type\":\"hang\",\"call\":{\"id\":\"call-size-1\"}}}"
			.getBytes(StandardCharsets.UTF_8);
		RestClient.create("http://127.0.0.1:" + this.port)
			.post()
			.uri("/vapi/webhook")
			.header("X-Vapi-Secret", "test-secret")
			.contentType(MediaType.APPLICATION_JSON)
			.body(body)
			.retrieve()
			.toBodilessEntity();
		assertThat(sizes.count()).isEqualTo(before + 1);
		assertThat(sizes.totalAmount() - totalBefore).isEqualTo(body.length);
		assertThat(sizes.getId().getTags()).extracting(io.micrometer.core.instrument.Tag::getKey)
			.containsOnly("application");
	}

}

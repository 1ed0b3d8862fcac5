package io.github.vapiwebhook.security;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's recipe for users' own tests: MockMvc through the real filters, signed with
 * {@link WebhookSigner}.
 */
@SpringBootTest(properties = "vapi.security.hmac.secrets=test-hmac-secret")
@AutoConfigureMockMvc
class WebhookSignerMockMvcTests {

	private static final byte[] BODY = "{\"message\":{\"type\":\"status-update\",\"status\":\"ended\"}}"
		.getBytes(StandardCharsets.UTF_8);

	@Autowired
	MockMvcTester mvc;

	@Test
	void signedRequestPassesTheFilterInMockMvc() {
		Map<String, String> headers = WebhookSigner.hmac("test-hmac-secret").headersFor(BODY, Instant.now());
		assertThat(this.mvc.post()
			.uri("/vapi/webhook")
			.contentType(MediaType.APPLICATION_JSON)
			.headers((http) -> headers.forEach(http::add))
			.content(BODY)).hasStatusOk();
	}

	@Test
	void unsignedRequestIsRefusedInMockMvc() {
		assertThat(this.mvc.post().uri("/vapi/webhook").contentType(MediaType.APPLICATION_JSON).content(BODY))
			.hasStatus(401);
	}

}

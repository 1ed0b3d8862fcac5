package com.acme.vapi;

// tag::handler-test[]
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

import io.github.vapiwebhook.security.WebhookSigner;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(properties = "vapi.security.hmac.secrets=test-hmac-secret")
@AutoConfigureMockMvc
class MyHandlerTests {

	@Autowired
	MockMvcTester mvc;

	@Test
	void answersToolCalls() {
		// a tool-calls message for get_weather, the tool of the Tools section
		byte[] body = """
				{"message": {"type": "tool-calls", "call": {"id": "call-1"}, "toolCallList": [
				  {"id": "tc-1", "type": "function",
				   "function": {"name": "get_weather", "arguments": {"city": "Paris", "day": "2026-03-02"}}}]}}
				""".getBytes(StandardCharsets.UTF_8);
		// Vapi's default HMAC plan: the x-signature and x-timestamp headers
		Map<String, String> headers = WebhookSigner.hmac("test-hmac-secret").headersFor(body, Instant.now());
		assertThat(this.mvc.post()
			.uri("/vapi/webhook")
			.contentType(MediaType.APPLICATION_JSON)
			.headers((http) -> headers.forEach(http::add))
			.content(body)) // send exactly the bytes you signed
			.hasStatusOk()
			.bodyJson()
			.extractingPath("$.results[0].result")
			.isEqualTo("Sunny, 21 degrees in Paris on 2026-03-02");
	}

}
// end::handler-test[]

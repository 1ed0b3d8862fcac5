package io.github.vapiwebhook.tools;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "vapi.security.shared-secret.secrets=test-secret", "vapi.examples.enabled=true",
				"vapi.management.tokens=test-management-token" })
class ToolCallsEndToEndTests {

	@LocalServerPort
	int port;

	@Autowired
	JsonMapper mapper;

	@Test
	void answersRealisticToolCallsWithOneResultPerCallInRequestOrder() throws IOException {
		byte[] body = new ClassPathResource("tools/appointment-tool-calls.json").getContentAsByteArray();
		ResponseEntity<String> response = client().post()
			.uri("/vapi/webhook")
			.contentType(MediaType.APPLICATION_JSON)
			.header("X-Vapi-Secret", "test-secret")
			.body(body)
			.retrieve()
			.toEntity(String.class);
		assertThat(response.getStatusCode().value()).isEqualTo(200);
		JsonNode reply = this.mapper.readTree(response.getBody());
		assertThat(reply.propertyNames()).containsOnly("results");
		JsonNode results = reply.get("results");
		assertThat(results).hasSize(4);
		for (JsonNode result : results) {
			assertThat(result.propertyNames()).isSubsetOf("name", "toolCallId", "result", "error", "message",
					"metadata");
			assertThat(result.get("name").isString()).isTrue();
			assertThat(result.get("toolCallId").isString()).isTrue();
			assertThat(result.has("result") ^ result.has("error")).isTrue();
			JsonNode text = result.has("result") ? result.get("result") : result.get("error");
			assertThat(text.isString()).isTrue();
			assertThat(text.asString()).doesNotContain("\n");
		}
		assertThat(results.get(0).get("toolCallId").asString()).isEqualTo("call_slots_1");
		assertThat(results.get(0).get("name").asString()).isEqualTo("find_appointment_slots");
		assertThat(results.get(0).get("result").asString())
			.startsWith("{\"date\":\"2026-03-02\",\"freeSlots\":[\"09:00");
		assertThat(results.get(1).get("toolCallId").asString()).isEqualTo("call_book_2");
		assertThat(results.get(1).get("result").asString()).startsWith("Booked, reference APT-");
		assertThat(results.get(1).get("message").get("type").asString()).isEqualTo("request-complete");
		assertThat(results.get(1).get("message").get("content").asString()).contains("2026-03-02 at 10:30");
		assertThat(results.get(2).get("toolCallId").asString()).isEqualTo("call_time_3");
		assertThat(results.get(2).get("result").asString()).isEqualTo("Monday 2 March 2026, 09:00 (+01:00)");
		assertThat(results.get(3).get("toolCallId").asString()).isEqualTo("call_nope_4");
		assertThat(results.get(3).get("error").asString())
			.isEqualTo("No tool named cancel_everything exists on this server.");
	}

	@Test
	void answersLegacyFunctionCallWithResult() {
		String body = """
				{"message": {"type": "function-call", "timestamp": 1772438400000,
				 "functionCall": {"name": "current_time", "parameters": {"timeZone": "Asia/Tokyo"}},
				 "call": {"id": "5b1f3c3e-8a0c-4b2e-9d41-0f4a9c2d7e11"}}}
				""";
		String reply = client().post()
			.uri("/vapi/webhook")
			.contentType(MediaType.APPLICATION_JSON)
			.header("X-Vapi-Secret", "test-secret")
			.body(body)
			.retrieve()
			.body(String.class);
		assertThat(this.mapper.readTree(reply))
			.isEqualTo(this.mapper.readTree("{\"result\": \"Monday 2 March 2026, 17:00 (+09:00)\"}"));
	}

	@Test
	void unknownLegacyFunctionIsAnsweredWithTheUnknownToolText() {
		String body = """
				{"message": {"type": "function-call", "timestamp": 1772438400000,
				 "functionCall": {"name": "cancel_everything", "parameters": {}},
				 "call": {"id": "5b1f3c3e-8a0c-4b2e-9d41-0f4a9c2d7e11"}}}
				""";
		assertThat(post(body)).isEqualTo(
				this.mapper.readTree("{\"result\": \"No tool named cancel_everything exists on this server.\"}"));
	}

	@Test
	void repeatedToolCallIdIsAnsweredFromTheCacheOnlyForTheSameCallToolAndArguments() {
		JsonNode first = post(toolCalls("call-A", timeCall("tc-1", "{\"timeZone\": \"Europe/Paris\"}")));
		assertThat(first.get("results").get(0).get("result").asString())
			.isEqualTo("Monday 2 March 2026, 09:00 (+01:00)");
		JsonNode otherCall = post(toolCalls("call-B", timeCall("tc-1", "{\"timeZone\": \"Asia/Tokyo\"}")));
		assertThat(otherCall.get("results").get(0).get("result").asString())
			.isEqualTo("Monday 2 March 2026, 17:00 (+09:00)");
		JsonNode otherTool = post(toolCalls("call-A", "{\"id\": \"tc-1\", \"type\": \"function\", \"function\": "
				+ "{\"name\": \"find_appointment_slots\", \"arguments\": {\"date\": \"2026-03-02\"}}}"));
		assertThat(otherTool.get("results").get(0).get("name").asString()).isEqualTo("find_appointment_slots");
		assertThat(otherTool.get("results").get(0).get("error").asString())
			.isEqualTo("Tool call tc-1 was already used for another tool or other arguments; it was not run.");
		JsonNode retry = post(toolCalls("call-A", timeCall("tc-1", "\"{\\\"timeZone\\\":\\\"Europe/Paris\\\"}\"")));
		assertThat(retry).isEqualTo(first);
	}

	@Test
	void answersCallsPastTheLimitOfOneMessageWithAnErrorEach() {
		String[] calls = IntStream.rangeClosed(1, 129)
			.mapToObj((i) -> timeCall("cap-" + i, "{\"timeZone\": \"UTC\"}"))
			.toArray(String[]::new);
		JsonNode results = post(toolCalls("call-cap", calls)).get("results");
		assertThat(results).hasSize(129);
		for (int i = 0; i < 129; i++) {
			assertThat(results.get(i).get("toolCallId").asString()).isEqualTo("cap-" + (i + 1));
			assertThat(results.get(i).has("result")).isEqualTo(i < 128);
		}
		assertThat(results.get(128).get("error").asString())
			.isEqualTo("Too many tool calls in one message; this one was not run.");
	}

	@Test
	void actuatorListsToolDefinitionsInVapiFormat() {
		JsonNode definitions = this.mapper.readTree(client().get()
			.uri("/actuator/vapitools")
			.header("Authorization", "Bearer test-management-token")
			.retrieve()
			.body(String.class));
		JsonNode first = definitions.get(0);
		assertThat(definitions).hasSize(3);
		assertThat(first.get("type").asString()).isEqualTo("function");
		assertThat(first.get("function").get("name").asString()).isEqualTo("book_appointment");
		assertThat(first.get("function").get("parameters").get("type").asString()).isEqualTo("object");
	}

	private JsonNode post(String body) {
		return this.mapper.readTree(client().post()
			.uri("/vapi/webhook")
			.contentType(MediaType.APPLICATION_JSON)
			.header("X-Vapi-Secret", "test-secret")
			.body(body)
			.retrieve()
			.body(String.class));
	}

	private static String toolCalls(String callId, String... calls) {
		return "{\"message\": {\"type\": \"tool-calls\", \"timestamp\": 1772438400000, \"call\": {\"id\": \"" + callId
				+ "\"}, \"toolCallList\": [" + String.join(",", calls) + "]}}";
	}

	private static String timeCall(String id, String arguments) {
		return "{\"id\": \"" + id + "\", \"type\": \"function\", \"function\": {\"name\": \"current_time\", "
				+ "\"arguments\": " + arguments + "}}";
	}

	private RestClient client() {
		return RestClient.create("http://127.0.0.1:" + this.port);
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class FixedClock {

		@Bean
		Clock clock() {
			return Clock.fixed(Instant.parse("2026-03-02T08:00:00Z"), ZoneOffset.UTC);
		}

	}

}

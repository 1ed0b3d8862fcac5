package io.github.vapiwebhook.recording;

import java.io.IOException;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

class RedactorTests {

	private final JsonMapper mapper = JsonMapper.builder().build();

	private final Redactor redactor = new Redactor();

	@Test
	void redactsTheCustomersPhoneNumberNameAndEmailButKeepsIds() throws IOException {
		JsonNode message = redacted("messages/assistant-request.json");
		JsonNode customer = message.get("customer");
		assertThat(customer.get("number").asString()).isEqualTo(Redactor.REDACTED);
		assertThat(customer.get("name").asString()).isEqualTo(Redactor.REDACTED);
		assertThat(customer.get("email").asString()).isEqualTo(Redactor.REDACTED);
		assertThat(customer.get("externalId").asString()).isEqualTo("crm-100482");
		assertThat(message.get("call").get("customer").get("number").asString()).isEqualTo(Redactor.REDACTED);
		assertThat(message.get("phoneNumber").get("number").asString()).isEqualTo(Redactor.REDACTED);
		assertThat(message.get("phoneNumber").get("name").asString()).isEqualTo("Front desk line");
		assertThat(message.get("call").get("id").asString()).isEqualTo("c6f1e0a2-84b7-4d2e-b9a3-0f5d7c2e91aa");
		assertThat(message.get("type").asString()).isEqualTo("assistant-request");
	}

	@Test
	void redactsTranscriptsSummariesAndConversationMessages() throws IOException {
		JsonNode message = redacted("messages/end-of-call-report.json");
		JsonNode artifact = message.get("artifact");
		assertThat(artifact.get("transcript").asString()).isEqualTo(Redactor.REDACTED);
		assertThat(artifact.get("messages")).isNotEmpty().allSatisfy((entry) -> {
			if (entry.has("message")) {
				assertThat(entry.get("message").asString()).isEqualTo(Redactor.REDACTED);
			}
			assertThat(entry.get("role").asString()).isNotEqualTo(Redactor.REDACTED);
		});
		assertThat(artifact.get("messagesOpenAIFormatted")).allSatisfy((entry) -> {
			if (entry.path("content").isString()) {
				assertThat(entry.get("content").asString()).isEqualTo(Redactor.REDACTED);
			}
		});
		assertThat(message.get("analysis").get("summary").asString()).isEqualTo(Redactor.REDACTED);
		assertThat(message.get("endedReason").asString()).isEqualTo("customer-ended-call");
		assertThat(message.toString()).doesNotContain("+14155550123").doesNotContain("Dana");
	}

	@Test
	void redactsPersonalToolArgumentsButKeepsToolNamesAndCallIds() throws IOException {
		JsonNode message = redacted("messages/tool-calls.json");
		JsonNode calls = message.get("toolCallList");
		assertThat(calls.get(0).get("id").asString()).isEqualTo("call_9rUj3bX2kQ1");
		assertThat(calls.get(0).get("function").get("name").asString()).isEqualTo("check_availability");
		assertThat(calls.get(0).get("function").get("arguments").get("date").asString()).isEqualTo("2025-12-03");
		assertThat(calls.get(0).get("function").get("arguments").get("provider").asString()).isEqualTo("Dr. Okafor");
		assertThat(calls.get(1).get("function").get("arguments").asString()).isEqualTo(Redactor.REDACTED);
		assertThat(calls.get(3).get("arguments").get("to").asString()).isEqualTo(Redactor.REDACTED);
		assertThat(calls.get(3).get("arguments").get("template").asString()).isEqualTo("reschedule");
		assertThat(message.toString()).doesNotContain("+14155550123");
	}

	@Test
	void redactsArgumentsWhoseKeysNameAPerson() {
		JsonNode message = this.mapper.readTree("""
				{"message": {"type": "handoff-destination-request",
				 "parameters": {"customerName": "Ann Lee", "homeAddress": "1 Main St", "reason": "billing"}}}
				""");
		this.redactor.redact(message);
		JsonNode parameters = message.get("message").get("parameters");
		assertThat(parameters.get("customerName").asString()).isEqualTo(Redactor.REDACTED);
		assertThat(parameters.get("homeAddress").asString()).isEqualTo(Redactor.REDACTED);
		assertThat(parameters.get("reason").asString()).isEqualTo("billing");
	}

	@Test
	void redactsPresignedUrlsAndPhoneNumbersOrEmailsAnywhere() {
		JsonNode message = this.mapper.readTree(
				"""
						{"message": {"type": "status-update", "status": "forwarding",
						 "artifact": {"presignedStereoUrl": "https://s3.example.com/x?sig=1", "recordingUrl": "https://storage.vapi.ai/x.wav"},
						 "notes": ["call me at +1 (415) 555-0123", "+14155550123", "ann@example.com"]}}
						""");
		this.redactor.redact(message);
		JsonNode inner = message.get("message");
		assertThat(inner.get("artifact").get("presignedStereoUrl").asString()).isEqualTo(Redactor.REDACTED);
		assertThat(inner.get("artifact").get("recordingUrl").asString()).isEqualTo("https://storage.vapi.ai/x.wav");
		assertThat(inner.get("notes").get(1).asString()).isEqualTo(Redactor.REDACTED);
		assertThat(inner.get("notes").get(2).asString()).isEqualTo(Redactor.REDACTED);
		assertThat(inner.get("status").asString()).isEqualTo("forwarding");
	}

	@Test
	void redactsModelOutputWhetherATokenOrAToolCall() {
		JsonNode token = this.mapper.readTree("""
				{"message": {"type": "model-output", "output": "My card number is four one", "turnId": "turn-1"}}
				""");
		this.redactor.redact(token);
		assertThat(token.get("message").get("output").asString()).isEqualTo(Redactor.REDACTED);
		assertThat(token.get("message").get("turnId").asString()).isEqualTo("turn-1");
		JsonNode call = this.mapper.readTree("""
				{"message": {"type": "model-output", "output": {"type": "tool-call",
				 "delta": ["I live at", "12 Elm Road"], "depth": 2}}}
				""");
		this.redactor.redact(call);
		JsonNode output = call.get("message").get("output");
		assertThat(output.get("type").asString()).isEqualTo(Redactor.REDACTED);
		assertThat(output.get("delta")).allSatisfy((part) -> assertThat(part.asString()).isEqualTo(Redactor.REDACTED));
		assertThat(output.get("depth").asInt()).isEqualTo(2);
		assertThat(call.get("message").get("type").asString()).isEqualTo("model-output");
	}

	@Test
	void redactsPhoneNumbersUnderOtherKeysAndInsideLongerStrings() {
		JsonNode message = this.mapper.readTree(
				"""
						{"message": {"type": "status-update", "status": "ringing",
						 "variableValues": {"phone": "4155550100", "mobile": "07700900123", "phone_number": "555-0100",
						  "uri": "tel:+15551234567", "sip": "sip:ann@pbx.example.com", "note": "call me on 4155550100",
						  "uk": "07700 900123", "intl": "ring +44 (20) 7946.0958 after six", "mail": "write to ann@example.com"},
						 "notes": ["mobile: +1 415 555 0123"]}}
						""");
		this.redactor.redact(message);
		JsonNode values = message.get("message").get("variableValues");
		assertThat(values.properties()).allSatisfy(
				(entry) -> assertThat(entry.getValue().asString()).as(entry.getKey()).isEqualTo(Redactor.REDACTED));
		assertThat(message.get("message").get("notes").get(0).asString()).isEqualTo(Redactor.REDACTED);
		assertThat(message.get("message").get("status").asString()).isEqualTo("ringing");
	}

	@Test
	void redactsAPhoneNumberSentAsAJsonNumberButKeepsOtherNumbers() {
		JsonNode message = this.mapper.readTree("""
				{"message": {"type": "status-update", "customer": {"number": 14155550123},
				 "variableValues": {"phone": 4155550100, "count": 14155550123, "number": 42}}}
				""");
		this.redactor.redact(message);
		JsonNode inner = message.get("message");
		assertThat(inner.get("customer").get("number").asString()).isEqualTo(Redactor.REDACTED);
		assertThat(inner.get("variableValues").get("phone").asString()).isEqualTo(Redactor.REDACTED);
		assertThat(inner.get("variableValues").get("count").asLong()).isEqualTo(14155550123L);
		assertThat(inner.get("variableValues").get("number").asInt()).isEqualTo(42);
	}

	@Test
	void keepsDatesTimesIdsAndShortNumbers() {
		JsonNode message = this.mapper.readTree(
				"""
						{"message": {"type": "status-update", "timestamp": "2026-03-02T09:00:00.000Z",
						 "call": {"id": "31415926-5358-4979-8323-846264338327", "orgId": "c6f1e0a2-84b7-4d2e-b9a3-0f5d7c2e91aa"},
						 "structuredData": {"date": "2025-12-03", "when": "2025-12-03 09:30", "eu": "03.12.2025",
						  "room": "Room 101", "order": "order 12345", "version": "4.0.7", "hotel": "hotel:Ritz"}}}
						""");
		String before = message.toString();
		this.redactor.redact(message);
		assertThat(message.toString()).isEqualTo(before);
	}

	@Test
	void redactsTheNamesOfEveryCustomerOfABatchOrCampaign() {
		JsonNode message = this.mapper.readTree("""
				{"message": {"type": "status-update", "call": {"customers": [
				  {"name": "Ann Lee", "number": "+14155550123", "externalId": "crm-1"},
				  {"name": "Bo Chen", "number": "+14155550124", "externalId": "crm-2"}]},
				 "contacts": [{"name": "Cy Diaz"}]}}
				""");
		this.redactor.redact(message);
		JsonNode customers = message.get("message").get("call").get("customers");
		assertThat(customers).hasSize(2).allSatisfy((customer) -> {
			assertThat(customer.get("name").asString()).isEqualTo(Redactor.REDACTED);
			assertThat(customer.get("number").asString()).isEqualTo(Redactor.REDACTED);
			assertThat(customer.get("externalId").asString()).startsWith("crm-");
		});
		assertThat(message.get("message").get("contacts").get(0).get("name").asString()).isEqualTo(Redactor.REDACTED);
	}

	private JsonNode redacted(String fixture) throws IOException {
		JsonNode json = this.mapper.readTree(new ClassPathResource(fixture).getContentAsByteArray());
		this.redactor.redact(json);
		return json.get("message");
	}

}

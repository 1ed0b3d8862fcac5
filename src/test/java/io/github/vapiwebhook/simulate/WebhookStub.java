package io.github.vapiwebhook.simulate;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A MockWebServer dispatcher that answers like a correct webhook server, except for the
 * message types given a wrong answer of their own; it keeps every request it got.
 */
final class WebhookStub extends Dispatcher {

	private final JsonMapper mapper = JsonMapper.builder().build();

	private final Map<String, Function<JsonNode, MockResponse>> wrong;

	private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();

	WebhookStub(Map<String, Function<JsonNode, MockResponse>> wrong) {
		this.wrong = Map.copyOf(wrong);
	}

	static WebhookStub correct() {
		return new WebhookStub(Map.of());
	}

	List<RecordedRequest> requests() {
		return this.requests;
	}

	List<String> types() {
		return this.requests.stream().map((request) -> message(request).get("type").asString()).toList();
	}

	JsonNode message(RecordedRequest request) {
		return this.mapper.readTree(request.getBody().utf8()).get("message");
	}

	@Override
	public MockResponse dispatch(RecordedRequest request) {
		this.requests.add(request);
		JsonNode message = message(request);
		String type = message.get("type").asString();
		Function<JsonNode, MockResponse> answer = this.wrong.get(type);
		return (answer != null) ? answer.apply(message) : json(correctReply(message));
	}

	static MockResponse json(String body) {
		return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json").body(body).build();
	}

	private String correctReply(JsonNode message) {
		return switch (message.get("type").asString()) {
			case "assistant-request" -> "{\"assistantId\":\"9e4a2b71-0c3d-4f6e-8a15-d2b7c6e3f480\"}";
			case "transfer-destination-request" ->
				"{\"destination\":{\"type\":\"number\",\"number\":\"+15555550100\"}}";
			case "tool-calls" -> toolResults(message, "error".equals(expectedOutcome(message)));
			default -> "{}";
		};
	}

	private static String expectedOutcome(JsonNode message) {
		return message.path("toolCallList").get(0).path("function").path("name").asString().contains("missing")
				? "error" : "result";
	}

	String toolResults(JsonNode message, boolean failed) {
		ObjectNode reply = this.mapper.createObjectNode();
		ArrayNode results = reply.putArray("results");
		for (JsonNode call : message.get("toolCallList")) {
			ObjectNode result = results.addObject()
				.put("name", call.get("function").get("name").asString())
				.put("toolCallId", call.get("id").asString());
			result.put(failed ? "error" : "result", failed ? "No such tool." : "Done.");
		}
		return reply.toString();
	}

}

package io.github.vapiwebhook.simulate;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns a scenario into the messages of one call, as Vapi would send them: the same call
 * id throughout, timestamps two seconds apart ending now, the call's status following the
 * status updates, a tool-calls message per tool, and an end-of-call report with the
 * transcript, analysis and costs of the call.
 */
final class CallScript {

	/** Time between two messages of a simulated call. */
	static final Duration STEP = Duration.ofSeconds(2);

	private static final String CUSTOMER_NUMBER = "+15555550123";

	private final JsonMapper mapper;

	private final Map<String, JsonNode> tools;

	private final URI url;

	private final Duration timeout;

	/**
	 * A script for a server.
	 * @param mapper the JSON mapper
	 * @param tools the server's tool definitions, as GET /actuator/vapitools lists them
	 * @param url the webhook URL, written into each tool's server
	 * @param timeout the server's timeoutSeconds, written into each tool's server
	 */
	CallScript(JsonMapper mapper, List<JsonNode> tools, URI url, Duration timeout) {
		this.mapper = mapper;
		this.tools = tools.stream()
			.filter((tool) -> tool.path("function").path("name").isString())
			.collect(Collectors.toMap((tool) -> tool.path("function").path("name").asString(), Function.identity(),
					(first, second) -> first, java.util.LinkedHashMap::new));
		this.url = url;
		this.timeout = timeout;
	}

	/**
	 * The messages of one call.
	 * @param scenario the scenario
	 * @param call the number of the call, from 1
	 * @param now the time of the last message
	 * @return the messages, in order
	 */
	List<OutgoingMessage> messages(Scenario scenario, int call, Instant now) {
		Call state = new Call(UUID.randomUUID().toString(), now.minus(STEP.multipliedBy(length(scenario))));
		List<OutgoingMessage> messages = new ArrayList<>();
		for (ObjectNode step : scenario.steps()) {
			if ("tool-calls".equals(step.get("type").asString())) {
				for (ObjectNode toolCall : toolCalls(step, state)) {
					messages.add(message(call, step, state, toolCall));
				}
			}
			else {
				messages.add(message(call, step, state, null));
			}
		}
		return messages;
	}

	private int length(Scenario scenario) {
		return scenario.steps()
			.stream()
			.mapToInt((step) -> "tool-calls".equals(step.get("type").asString()) ? toolCount(step) : 1)
			.sum();
	}

	private int toolCount(ObjectNode step) {
		return step.path("tools").isArray() ? step.get("tools").size() : this.tools.size();
	}

	private List<ObjectNode> toolCalls(ObjectNode step, Call state) {
		ArgumentGenerator generator = new ArgumentGenerator(
				state.started.atZone(ZoneOffset.UTC).toLocalDate().plusDays(1));
		List<ObjectNode> calls = new ArrayList<>();
		if (step.path("tools").isArray()) {
			for (JsonNode given : step.get("tools")) {
				String name = given.path("name").asString("");
				JsonNode tool = this.tools.get(name);
				JsonNode arguments = given.has("arguments") ? given.get("arguments") : generator.arguments(
						(tool != null) ? tool.path("function").path("parameters") : this.mapper.createObjectNode());
				calls.add(toolCall(name, arguments));
			}
			return calls;
		}
		this.tools.forEach((name, tool) -> calls
			.add(toolCall(name, generator.arguments(tool.path("function").path("parameters")))));
		return calls;
	}

	private ObjectNode toolCall(String name, JsonNode arguments) {
		ObjectNode call = this.mapper.createObjectNode();
		call.put("id", "call_" + UUID.randomUUID().toString().replace("-", "").substring(0, 20));
		call.put("type", "function");
		call.putObject("function").put("name", name).set("arguments", arguments);
		return call;
	}

	private OutgoingMessage message(int call, ObjectNode step, Call state, @Nullable ObjectNode toolCall) {
		String type = step.get("type").asString();
		Instant time = state.next();
		if ("status-update".equals(type)) {
			state.status = step.path("status").asString(state.status);
		}
		if (step.has("endedReason")) {
			state.endedReason = step.get("endedReason").asString();
		}
		ObjectNode message = common(type, time, state);
		ObjectNode own = step.deepCopy();
		own.remove(List.of("tools", "expect"));
		message.setAll(own);
		List<String> toolCallIds = List.of();
		if (toolCall != null) {
			toolCalls(message, toolCall);
			toolCallIds = List.of(toolCall.get("id").asString());
		}
		else if ("end-of-call-report".equals(type)) {
			new EndOfCallReport(state.id, state.started, time, state.transcript).fill(message,
					(state.endedReason != null) ? state.endedReason : "customer-ended-call");
		}
		if ("transcript".equals(type) && "final".equals(step.path("transcriptType").asString())) {
			state.transcript.add(step.path("role").asString("user") + ": " + step.path("transcript").asString(""));
		}
		ObjectNode envelope = this.mapper.createObjectNode();
		envelope.set("message", message);
		return new OutgoingMessage(call, type, this.mapper.writeValueAsBytes(envelope), toolCallIds,
				step.path("expect").isString() ? step.get("expect").asString() : null);
	}

	private ObjectNode common(String type, Instant time, Call state) {
		ObjectNode message = this.mapper.createObjectNode();
		message.put("type", type);
		message.put("timestamp", time.toEpochMilli());
		ObjectNode call = message.putObject("call");
		call.put("id", state.id);
		call.put("orgId", state.orgId);
		call.put("type", "inboundPhoneCall");
		call.put("status", state.status);
		call.put("createdAt", state.started.toString());
		call.put("updatedAt", time.toString());
		call.put("phoneNumberId", state.phoneNumberId);
		call.putObject("customer").put("number", CUSTOMER_NUMBER);
		if (state.endedReason != null && "ended".equals(state.status)) {
			call.put("endedReason", state.endedReason);
		}
		message.putObject("customer").put("number", CUSTOMER_NUMBER);
		ObjectNode phoneNumber = message.putObject("phoneNumber");
		phoneNumber.put("id", state.phoneNumberId);
		phoneNumber.put("orgId", state.orgId);
		phoneNumber.put("provider", "vapi");
		phoneNumber.put("number", "+15555550199");
		phoneNumber.put("createdAt", state.started.minus(Duration.ofDays(30)).toString());
		phoneNumber.put("updatedAt", state.started.minus(Duration.ofDays(30)).toString());
		if (!"assistant-request".equals(type)) {
			message.putObject("assistant").put("name", "Simulated assistant");
		}
		return message;
	}

	private void toolCalls(ObjectNode message, ObjectNode toolCall) {
		String name = toolCall.get("function").get("name").asString();
		JsonNode tool = this.tools.get(name);
		message.putArray("toolCallList").add(toolCall);
		ObjectNode withCall = message.putArray("toolWithToolCallList").addObject();
		withCall.put("type", "function");
		withCall.set("function",
				(tool != null) ? tool.get("function").deepCopy() : this.mapper.createObjectNode().put("name", name));
		withCall.put("async", false);
		withCall.putObject("server").put("url", this.url.toString()).put("timeoutSeconds", this.timeout.toSeconds());
		withCall.putArray("messages");
		withCall.set("toolCall", toolCall.deepCopy());
	}

	/** The running state of one simulated call. */
	private static final class Call {

		private final String id;

		private final String orgId = "00000000-0000-4000-8000-00000000517a";

		private final String phoneNumberId = "00000000-0000-4000-8000-0000000051a1";

		private final Instant started;

		private final List<String> transcript = new ArrayList<>();

		private String status = "ringing";

		private @Nullable String endedReason;

		private int sent;

		Call(String id, Instant started) {
			this.id = id;
			this.started = started;
		}

		Instant next() {
			this.sent++;
			return this.started.plus(STEP.multipliedBy(this.sent));
		}

	}

}

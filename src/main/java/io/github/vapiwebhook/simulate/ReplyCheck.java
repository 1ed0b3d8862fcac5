package io.github.vapiwebhook.simulate;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks each answer against what Vapi expects: any 2xx for a message whose reply Vapi
 * ignores; for a request message HTTP 200 with a bare JSON object of the type's reply
 * shape (reply-shapes.json, written from Vapi's OpenAPI document), and for tool-calls one
 * single-line result or error per tool call id sent; and every answer within Vapi's
 * deadline.
 */
final class ReplyCheck {

	private static final String SHAPES = "/io/github/vapiwebhook/simulate/reply-shapes.json";

	private static final String TOOL_CALL_RESULT = "tool-call-result";

	private final Map<String, ReplyShape> shapes;

	private final JsonMapper mapper;

	ReplyCheck(Map<String, ReplyShape> shapes, JsonMapper mapper) {
		this.shapes = Map.copyOf(shapes);
		this.mapper = mapper;
	}

	/**
	 * The check with the shapes that ship in the jar.
	 * @param mapper the JSON mapper
	 * @return the check
	 */
	static ReplyCheck standard(JsonMapper mapper) {
		return new ReplyCheck(shapes(mapper), mapper);
	}

	/**
	 * The reply shapes that ship in the jar, by message type (and "tool-call-result").
	 * @param mapper the JSON mapper
	 * @return the shapes
	 */
	static Map<String, ReplyShape> shapes(JsonMapper mapper) {
		try (InputStream in = ReplyCheck.class.getResourceAsStream(SHAPES)) {
			if (in == null) {
				throw new IllegalStateException(SHAPES + " is missing from the class path");
			}
			Map<String, ReplyShape> shapes = new LinkedHashMap<>();
			mapper.readTree(in).properties().forEach((entry) -> {
				if (entry.getValue().isObject()) {
					shapes.put(entry.getKey(), mapper.treeToValue(entry.getValue(), ReplyShape.class));
				}
			});
			return shapes;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Judges one exchange.
	 * @param exchange the message sent and its answer
	 * @return the verdict
	 */
	Verdict verdict(Exchange exchange) {
		if (exchange.failure() != null) {
			return Verdict.fail(exchange.failure());
		}
		if (exchange.latency().compareTo(exchange.deadline()) > 0) {
			return Verdict.fail("answered after " + exchange.latency().toMillis() + " ms, past Vapi's deadline of "
					+ exchange.deadline().toMillis() + " ms");
		}
		ReplyShape shape = this.shapes.get(exchange.message().type());
		if (shape == null) {
			return (exchange.status() / 100 == 2) ? Verdict.ok()
					: Verdict.fail("HTTP " + exchange.status() + ", Vapi counts anything but 2xx as a failure");
		}
		if (exchange.status() != 200) {
			return Verdict.fail("HTTP " + exchange.status() + ", Vapi uses only a 200 answer");
		}
		List<String> problems = replyProblems(exchange.message(), shape, exchange.body());
		return new Verdict(problems, problems.isEmpty() ? toolErrors(exchange.message(), exchange.body()) : List.of());
	}

	// a tool call answered with an error is a reply of the right shape (Vapi reads it to
	// the model), but a broken tool should not hide behind a plain "ok"
	private List<String> toolErrors(OutgoingMessage message, @Nullable String body) {
		if (!"tool-calls".equals(message.type()) || message.expectedOutcome() != null || body == null) {
			return List.of();
		}
		List<String> notes = new ArrayList<>();
		for (JsonNode result : this.mapper.readTree(body).path("results")) {
			if (result.has("error")) {
				String error = result.get("error").asString();
				notes.add("tool error from " + result.path("name").asString("?") + ": "
						+ ((error.length() > 80) ? error.substring(0, 80) + "..." : error));
			}
		}
		return notes;
	}

	private List<String> replyProblems(OutgoingMessage message, ReplyShape shape, @Nullable String body) {
		JsonNode reply;
		try {
			reply = this.mapper.readTree((body != null) ? body : "");
		}
		catch (JacksonException ex) {
			return List.of("the reply is not JSON");
		}
		if (reply == null || !reply.isObject()) {
			return List.of("the reply is not a JSON object");
		}
		if (reply.size() == 1 && reply.has("messageResponse")) {
			return List.of("the reply is wrapped in 'messageResponse'; Vapi wants the bare object");
		}
		List<String> problems = new ArrayList<>(shape.problems(reply, "reply"));
		if ("tool-calls".equals(message.type()) && problems.isEmpty() && reply.has("results")) {
			problems.addAll(resultProblems(message, reply.get("results")));
		}
		return problems;
	}

	private List<String> resultProblems(OutgoingMessage message, JsonNode results) {
		ReplyShape shape = this.shapes.get(TOOL_CALL_RESULT);
		List<String> problems = new ArrayList<>();
		Set<String> answered = new HashSet<>();
		for (int i = 0; i < results.size(); i++) {
			JsonNode result = results.get(i);
			String where = "results[" + i + "]";
			List<String> shapeProblems = shape.problems(result, where);
			problems.addAll(shapeProblems);
			if (!shapeProblems.isEmpty()) {
				continue;
			}
			problems.addAll(singleLine(result, where));
			String id = result.get("toolCallId").asString();
			if (!message.toolCallIds().contains(id)) {
				problems.add(where + ".toolCallId '" + id + "' was not sent");
			}
			else if (!answered.add(id)) {
				problems.add("two results for toolCallId '" + id + "'");
			}
			if (message.expectedOutcome() != null && !result.has(message.expectedOutcome())) {
				problems.add(where + " has no '" + message.expectedOutcome() + "', which the scenario expects");
			}
		}
		message.toolCallIds()
			.stream()
			.filter((id) -> !answered.contains(id))
			.forEach((id) -> problems.add("no result for toolCallId '" + id + "'"));
		return problems;
	}

	private static List<String> singleLine(JsonNode result, String where) {
		List<String> problems = new ArrayList<>();
		for (String name : List.of("result", "error")) {
			JsonNode value = result.get(name);
			if (value != null && value.isString() && value.asString().matches("(?s).*[\r\n].*")) {
				problems.add(where + "." + name + " is not a single line");
			}
		}
		return problems;
	}

}

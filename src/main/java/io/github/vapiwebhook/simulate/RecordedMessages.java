package io.github.vapiwebhook.simulate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A folder of recorded messages, one JSON file per message as the server's recording
 * writes them; the file names sort in the order the messages arrived.
 */
final class RecordedMessages {

	private final JsonMapper mapper;

	RecordedMessages(JsonMapper mapper) {
		this.mapper = mapper;
	}

	/**
	 * The messages in a folder, in file name order, numbered by call.
	 * @param folder the folder
	 * @return the messages
	 */
	List<OutgoingMessage> read(Path folder) {
		if (!Files.isDirectory(folder)) {
			throw new InvalidInputException(folder + " is not a folder");
		}
		List<Path> files;
		try (Stream<Path> listing = Files.list(folder)) {
			files = listing.filter((file) -> file.getFileName().toString().endsWith(".json"))
				.filter(Files::isRegularFile)
				.sorted()
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		if (files.isEmpty()) {
			throw new InvalidInputException("No recorded messages (*.json) in " + folder);
		}
		Map<String, Integer> calls = new LinkedHashMap<>();
		List<OutgoingMessage> messages = new ArrayList<>();
		for (Path file : files) {
			messages.add(message(file, calls));
		}
		return messages;
	}

	private OutgoingMessage message(Path file, Map<String, Integer> calls) {
		byte[] body;
		JsonNode message;
		try {
			body = Files.readAllBytes(file);
			message = this.mapper.readTree(body).path("message");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (JacksonException ex) {
			throw new InvalidInputException(file + " is not JSON: " + ex.getOriginalMessage());
		}
		if (!message.path("type").isString()) {
			throw new InvalidInputException(file + " is not a recorded message: it has no message.type");
		}
		String callId = message.path("call").path("id").asString("");
		int call = calls.computeIfAbsent(callId, (id) -> calls.size() + 1);
		List<String> toolCallIds = new ArrayList<>();
		for (JsonNode toolCall : message.path("toolCallList")) {
			toolCallIds.add(toolCall.path("id").asString(""));
		}
		return new OutgoingMessage(call, message.get("type").asString(), body, toolCallIds, null);
	}

}

package io.github.vapiwebhook.simulate;

import java.time.Instant;
import java.util.List;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The content of a simulated end-of-call-report: start and end, costs, analysis, and an
 * artifact with the conversation (in Vapi's and OpenAI's message formats) and its
 * transcript.
 *
 * @param callId the call id
 * @param started when the call started
 * @param ended when it ended
 * @param transcript the final transcript lines, each "role: text"
 */
record EndOfCallReport(String callId, Instant started, Instant ended, List<String> transcript) {

	EndOfCallReport {
		transcript = List.copyOf(transcript);
	}

	/**
	 * Adds the report's fields to a message.
	 * @param message the end-of-call-report message
	 * @param endedReason why the call ended
	 */
	void fill(ObjectNode message, String endedReason) {
		message.put("endedReason", endedReason);
		message.put("startedAt", this.started.toString());
		message.put("endedAt", this.ended.toString());
		message.put("cost", 0.0421);
		ArrayNode costs = message.putArray("costs");
		costs.addObject().put("type", "transport").put("provider", "vapi").put("minutes", 0.5).put("cost", 0.005);
		costs.addObject().put("type", "vapi").put("subType", "normal").put("minutes", 0.5).put("cost", 0.0371);
		ObjectNode analysis = message.putObject("analysis");
		analysis.put("summary", "A simulated call.");
		analysis.put("successEvaluation", "true");
		artifact(message.putObject("artifact"));
	}

	private void artifact(ObjectNode artifact) {
		ArrayNode messages = artifact.putArray("messages");
		ArrayNode openAi = artifact.putArray("messagesOpenAIFormatted");
		StringBuilder text = new StringBuilder();
		long offset = 0;
		for (String line : this.transcript) {
			String role = line.substring(0, line.indexOf(':'));
			String said = line.substring(line.indexOf(':') + 2);
			offset += CallScript.STEP.toMillis();
			messages.addObject()
				.put("role", "assistant".equals(role) ? "bot" : "user")
				.put("message", said)
				.put("time", this.started.toEpochMilli() + offset)
				.put("secondsFromStart", offset / 1000.0);
			openAi.addObject().put("role", role).put("content", said);
			text.append("assistant".equals(role) ? "AI: " : "User: ").append(said).append('\n');
		}
		artifact.put("transcript", text.toString().strip());
		artifact.put("recordingUrl", "https://storage.vapi.ai/" + this.callId + "-mono.wav");
	}

}

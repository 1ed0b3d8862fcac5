import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import io.github.vapiwebhook.security.WebhookSigner;

/**
 * Writes the benchmark's payloads: a tool-calls message (about 3 KB) and a long end-of-call
 * report (about 57 KB) as templates, in which the load generators (bench/wrk-fresh-calls.lua,
 * bench/LatencyProbe.java) replace TOOL_CALL_TEMPLATE_ID and REPORT_TEMPLATE_ID with a new id
 * for every request, so that every tool call runs its tool and every report is a new call
 * (never a repeat the server would recognise); and one signed tool-calls request (probe.json
 * with its headers in probe.headers, curl's -H lines) that checks a server answers. The
 * signature comes from the project's own WebhookSigner, with a timestamp taken now.
 * Run with: java -cp target/classes bench/BenchPayloads.java OUT_DIR SECRET
 */
public class BenchPayloads {

	static final String TOOL_CALL_TEMPLATE_ID = "call_bench_template";

	static final String REPORT_TEMPLATE_ID = "c0ffee00-0000-4000-8000-0000eeee0000";

	public static void main(String[] args) throws IOException {
		Path out = Path.of(args[0]);
		WebhookSigner signer = WebhookSigner.hmac(args[1]);
		Files.createDirectories(out);
		Files.writeString(out.resolve("tool-calls-template.json"), toolCalls(TOOL_CALL_TEMPLATE_ID, 0));
		Files.writeString(out.resolve("end-of-call-report-template.json"), endOfCallReport(0));
		Files.writeString(out.resolve("probe.json"), toolCalls("call_bench_probe", 1));
		StringBuilder probeHeaders = new StringBuilder();
		signer.headersFor(toolCalls("call_bench_probe", 1).getBytes(StandardCharsets.UTF_8), Instant.now())
			.forEach((name, value) -> probeHeaders.append("-H\n").append(name).append(": ").append(value).append('\n'));
		Files.writeString(out.resolve("probe.headers"), probeHeaders);
	}

	static String common(String callId) {
		return """
				"call":{"id":"%s","orgId":"5f2b7f1e-3c4d-4e5f-8a9b-0c1d2e3f4a5b","type":"inboundPhoneCall",\
				"status":"in-progress","createdAt":"2026-11-26T10:15:30.123Z","updatedAt":"2026-11-26T10:15:42.456Z",\
				"startedAt":"2026-11-26T10:15:31.001Z","assistantId":"a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d",\
				"phoneNumberId":"9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a","phoneCallProvider":"twilio",\
				"phoneCallProviderId":"CA0123456789abcdef0123456789abcdef","phoneCallTransport":"pstn",\
				"customer":{"number":"+14155550123"},"monitor":{"listenUrl":"wss://phone-call-websocket.aws-us-west-2-backend-production1.vapi.ai/%s/listen",\
				"controlUrl":"https://phone-call-websocket.aws-us-west-2-backend-production1.vapi.ai/%s/control"}},\
				"customer":{"number":"+14155550123","name":"Jane Roe"},\
				"phoneNumber":{"id":"9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a","orgId":"5f2b7f1e-3c4d-4e5f-8a9b-0c1d2e3f4a5b",\
				"provider":"twilio","number":"+14155559876","name":"Front desk"},\
				"assistant":{"name":"Clinic receptionist","firstMessage":"Thanks for calling Bayview Dental, how can I help?",\
				"model":{"provider":"openai","model":"gpt-4o-mini","temperature":0.3,\
				"messages":[{"role":"system","content":"You are the receptionist of Bayview Dental. Help callers find and book appointment slots. Be brief and friendly. Confirm the date, the time and the patient's name before booking."}],\
				"toolIds":["d1e2f3a4-b5c6-4d7e-8f9a-0b1c2d3e4f5a"]},\
				"voice":{"provider":"11labs","voiceId":"burt"},"transcriber":{"provider":"deepgram","model":"nova-2","language":"en"},\
				"serverMessages":["end-of-call-report","status-update","tool-calls","hang"]},\
				"timestamp":1764152142456""".formatted(callId, callId, callId);
	}

	static String toolCalls(String id, int call) {
		String arguments = "{\\\"timeZone\\\":\\\"America/Los_Angeles\\\"}";
		return """
				{"message":{"type":"tool-calls","toolCallList":[{"id":"%s","type":"function",\
				"function":{"name":"current_time","arguments":{"timeZone":"America/Los_Angeles"}}}],\
				"toolWithToolCallList":[{"type":"function","function":{"name":"current_time",\
				"description":"Current date and time in a time zone","parameters":{"type":"object",\
				"properties":{"timeZone":{"type":"string","description":"IANA time zone"}},"required":["timeZone"]}},\
				"async":false,"server":{"url":"https://example.com/vapi/webhook","timeoutSeconds":20},\
				"messages":[{"type":"request-start","content":"One moment."}],\
				"toolCall":{"id":"%s","type":"function","function":{"name":"current_time","arguments":{"timeZone":"America/Los_Angeles"}}}}],\
				"artifact":{"messages":[{"role":"system","message":"You are the receptionist of Bayview Dental.","time":1764152131001,"secondsFromStart":0},\
				{"role":"bot","message":"Thanks for calling Bayview Dental, how can I help?","time":1764152131500,"endTime":1764152134100,"secondsFromStart":0.5,"source":""},\
				{"role":"user","message":"Hi, what time is it over there right now?","time":1764152135200,"endTime":1764152137900,"secondsFromStart":4.2},\
				{"role":"tool_calls","toolCalls":[{"id":"%s","type":"function","function":{"name":"current_time","arguments":"%s"}}],"message":"","time":1764152138500,"secondsFromStart":7.5}]},\
				%s}}""".formatted(id, id, id, arguments, common("c0ffee00-0000-4000-8000-" + String.format("%012d", call)));
	}

	static String endOfCallReport(int i) {
		StringBuilder messages = new StringBuilder();
		StringBuilder openAi = new StringBuilder();
		StringBuilder transcript = new StringBuilder();
		for (int turn = 0; turn < 110; turn++) {
			boolean bot = turn % 2 == 0;
			String text = bot ? "Sure, I can help with that. We have openings on Tuesday at nine thirty, Wednesday at two, and Thursday at four fifteen. Which of those works best for you?"
					: "Wednesday at two would be great, and could you also remind me what I need to bring for the first visit, please?";
			long time = 1764152131000L + turn * 4000L;
			messages.append(messages.isEmpty() ? "" : ",")
				.append("{\"role\":\"%s\",\"message\":\"%s\",\"time\":%d,\"endTime\":%d,\"secondsFromStart\":%.1f,\"duration\":3500}"
					.formatted(bot ? "bot" : "user", text, time, time + 3500, turn * 4.0));
			openAi.append(openAi.isEmpty() ? "" : ",")
				.append("{\"role\":\"%s\",\"content\":\"%s\"}".formatted(bot ? "assistant" : "user", text));
			transcript.append(bot ? "AI: " : "User: ").append(text).append("\\n");
		}
		return """
				{"message":{"type":"end-of-call-report","endedReason":"customer-ended-call",\
				"startedAt":"2026-11-26T10:15:31.001Z","endedAt":"2026-11-26T10:22:51.001Z","cost":0.4213,\
				"costs":[{"type":"transport","provider":"twilio","minutes":7.33,"cost":0.0586},\
				{"type":"transcriber","transcriber":{"provider":"deepgram","model":"nova-2"},"minutes":7.33,"cost":0.0733},\
				{"type":"model","model":{"provider":"openai","model":"gpt-4o-mini"},"promptTokens":48211,"completionTokens":2210,"cost":0.0086},\
				{"type":"voice","voice":{"provider":"11labs","voiceId":"burt"},"characters":8712,"cost":0.2614},\
				{"type":"vapi","subType":"normal","minutes":7.33,"cost":0.0183}],\
				"analysis":{"summary":"The caller booked a first visit for Wednesday at two and asked what to bring.",\
				"structuredData":{"booked":true,"slot":"2026-12-02T14:00:00-08:00"},"successEvaluation":"true"},\
				"artifact":{"messages":[%s],"messagesOpenAIFormatted":[%s],"transcript":"%s",\
				"recording":{"stereoUrl":"https://storage.vapi.ai/c0ffee-stereo.wav","mono":{"combinedUrl":"https://storage.vapi.ai/c0ffee-mono.wav"}},\
				"recordingUrl":"https://storage.vapi.ai/c0ffee-mono.wav","stereoRecordingUrl":"https://storage.vapi.ai/c0ffee-stereo.wav",\
				"logUrl":"https://calllogs.vapi.ai/c0ffee.jsonl.gz"},\
				%s}}""".formatted(messages, openAi, transcript, common("c0ffee00-0000-4000-8000-" + String.format("%012x", 0xeeee0000L + i)));
	}

}

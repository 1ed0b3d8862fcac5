import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

import io.github.vapiwebhook.security.WebhookSigner;

/**
 * Writes realistic signed payloads for the benchmark as Lua tables that wrk loads: tool-calls
 * (about 3 KB, each with its own toolCallId) and long end-of-call reports (about 57 KB, REPORTS of
 * them, each for its own call). The requests are all different, so that the server's answers
 * to exact repeats (its replay guard, cut to one entry by bench/run.sh) never stand in for
 * handling a request. The signatures come from the project's own WebhookSigner, with a
 * timestamp taken now. The same
 * requests are also written as raw HTTP/1.1 requests (NAME.http: each one preceded by a line
 * with its length in bytes) for bench/LatencyProbe.java.
 * Run with: java -cp target/classes bench/BenchPayloads.java OUT_DIR SECRET TOOL_CALL_COUNT
 */
public class BenchPayloads {

	static final int REPORTS = 256;

	public static void main(String[] args) throws IOException {
		Path out = Path.of(args[0]);
		WebhookSigner signer = WebhookSigner.hmac(args[1]);
		int toolCalls = Integer.parseInt(args[2]);
		Files.createDirectories(out);
		Instant now = Instant.now();
		StringBuilder tools = new StringBuilder("return {\n");
		ByteArrayOutputStream toolsHttp = new ByteArrayOutputStream();
		for (int i = 0; i < toolCalls; i++) {
			entry(tools, signer, toolCalls(i), now);
			http(toolsHttp, signer, toolCalls(i), now);
		}
		Files.writeString(out.resolve("tool-calls.lua"), tools.append("}\n"));
		Files.write(out.resolve("tool-calls.http"), toolsHttp.toByteArray());
		StringBuilder reports = new StringBuilder("return {\n");
		ByteArrayOutputStream reportsHttp = new ByteArrayOutputStream();
		for (int i = 0; i < REPORTS; i++) {
			entry(reports, signer, endOfCallReport(i), now);
			http(reportsHttp, signer, endOfCallReport(i), now);
		}
		Files.writeString(out.resolve("end-of-call-report.lua"), reports.append("}\n"));
		Files.write(out.resolve("end-of-call-report.http"), reportsHttp.toByteArray());
		// bench/durable.sh: one report, unsigned, that bench/wrk-fresh-calls.lua sends with a new call
		// id each time (TEMPLATE_CALL_ID replaced)
		Files.writeString(out.resolve("end-of-call-report-template.json"), endOfCallReport(0));
		Files.writeString(out.resolve("probe.json"), toolCalls(-1));
		StringBuilder probeHeaders = new StringBuilder();
		signer.headersFor(toolCalls(-1).getBytes(StandardCharsets.UTF_8), now)
			.forEach((name, value) -> probeHeaders.append("-H\n").append(name).append(": ").append(value).append('\n'));
		Files.writeString(out.resolve("probe.headers"), probeHeaders);
	}

	private static void http(ByteArrayOutputStream out, WebhookSigner signer, String body, Instant now)
			throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		StringBuilder head = new StringBuilder("POST /vapi/webhook HTTP/1.1\r\nHost: 127.0.0.1\r\n");
		signer.headersFor(bytes, now).forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
		head.append("Content-Type: application/json\r\nContent-Length: ").append(bytes.length).append("\r\n\r\n");
		byte[] headBytes = head.toString().getBytes(StandardCharsets.ISO_8859_1);
		out.write((headBytes.length + bytes.length + "\n").getBytes(StandardCharsets.US_ASCII));
		out.write(headBytes);
		out.write(bytes);
	}

	private static StringBuilder entry(StringBuilder lua, WebhookSigner signer, String body, Instant now) {
		Map<String, String> headers = signer.headersFor(body.getBytes(StandardCharsets.UTF_8), now);
		lua.append("{ headers = {");
		headers.forEach((name, value) -> lua.append("[ ").append(quote(name)).append(" ]=").append(quote(value)).append(','));
		lua.append("[ \"Content-Type\" ]=\"application/json\"}, body = ").append(quote(body)).append(" },\n");
		return lua;
	}

	private static String quote(String text) {
		return "[==[" + text + "]==]";
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

	static String toolCalls(int i) {
		String id = "call_bench_" + i;
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
				%s}}""".formatted(id, id, id, arguments, common("c0ffee00-0000-4000-8000-" + String.format("%012d", Math.abs(i))));
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

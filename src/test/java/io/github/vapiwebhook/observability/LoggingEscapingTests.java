package io.github.vapiwebhook.observability;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sends tool calls whose call id, tool call id and tool name come from an attacker,
 * through the real dispatcher and the real logging configuration: the warning about the
 * unknown tool stays one line, with those values escaped and a phone number masked, in
 * the {@code [call id, type]} prefix too.
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "vapi.security.shared-secret.secrets=test-secret")
class LoggingEscapingTests {

	@LocalServerPort
	int port;

	@Test
	void callIdThatIsAPhoneNumberIsMaskedInTheLinePrefix(CapturedOutput output) {
		postToolCall("+14155550123", "tc-phone", "no_such_tool_phone");
		assertThat(linesContaining(output, "no_such_tool_phone")).singleElement()
			.asString()
			.contains("[[redacted-phone] tool-calls] ");
		assertThat(output.getAll()).doesNotContain("4155550123");
	}

	@Test
	void lineBreaksInACallIdAreEscapedInTheLinePrefix(CapturedOutput output) {
		postToolCall("call-7\r\n2026-01-01T00:00:00.000Z ERROR 1 --- [main] forged-by-call-id", "tc-7",
				"no_such_tool_7");
		assertThat(linesContaining(output, "no_such_tool_7")).singleElement()
			.asString()
			.contains("[call-7\\r\\n2026-01-01T00:00:00.000Z ERROR 1 --- [main] forged-by-call-id tool-calls] ")
			.contains("names the unknown tool no_such_tool_7");
		// the request's own line (vapi.webhook.requests) names the call id in its message
		// too
		assertThat(linesContaining(output, MessageLog.REQUESTS)).singleElement()
			.asString()
			.contains(
					"tool-calls for call call-7\\r\\n2026-01-01T00:00:00.000Z ERROR 1 --- [main] forged-by-call-id: ");
		assertThat(output.getAll().lines()).noneMatch((line) -> line.startsWith("2026-01-01T00:00:00.000Z"));
	}

	@Test
	void lineBreaksInAToolCallIdOrToolNameCannotStartANewLine(CapturedOutput output) {
		postToolCall("call-8", "tc-8\r\nforged-by-tool-call-id", "lookup\nforged-by-tool-name\u0007");
		assertThat(linesContaining(output, "forged-by-tool")).singleElement()
			.asString()
			.contains("[call-8 tool-calls] ")
			.contains("Tool call tc-8\\r\\nforged-by-tool-call-id names the unknown tool "
					+ "lookup\\nforged-by-tool-name\\u0007");
	}

	@Test
	void deliberateMultiLineTemplateKeepsItsLines(CapturedOutput output) {
		LoggerFactory.getLogger(LoggingEscapingTests.class)
			.warn("Banner first line: {}\nBanner second line", "value\nforged-by-argument");
		assertThat(output.getAll()).contains("Banner first line: value\\nforged-by-argument\nBanner second line");
	}

	@Test
	void exceptionMessagesInAStackTraceCannotStartANewLine(CapturedOutput output) {
		LoggerFactory.getLogger(LoggingEscapingTests.class)
			.error("Tool {} failed", "lookup",
					new IllegalStateException("No slot for +14155550123\r\nforged-by-exception-message"));
		assertThat(linesContaining(output, "forged-by-exception-message")).singleElement()
			.asString()
			.isEqualTo(
					"java.lang.IllegalStateException: No slot for [redacted-phone]\\r\\nforged-by-exception-message");
	}

	private List<String> linesContaining(CapturedOutput output, String text) {
		return output.getAll().lines().filter((line) -> line.contains(text)).toList();
	}

	private void postToolCall(String callId, String toolCallId, String toolName) {
		String body = """
				{"message":{"type":"tool-calls","call":{"id":"%s"},
				"toolCallList":[{"id":"%s","type":"function","function":{"name":"%s","arguments":{}}}]}}
				""".formatted(json(callId), json(toolCallId), json(toolName));
		RestClient.create("http://127.0.0.1:" + this.port)
			.post()
			.uri("/vapi/webhook")
			.header("X-Vapi-Secret", "test-secret")
			.contentType(MediaType.APPLICATION_JSON)
			.body(body)
			.retrieve()
			.toBodilessEntity();
	}

	private static String json(String value) {
		return value.replace("\r", "\\r").replace("\n", "\\n").replace("\u0007", "\\u0007");
	}

}

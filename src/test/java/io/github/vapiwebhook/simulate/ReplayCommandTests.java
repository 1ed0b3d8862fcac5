package io.github.vapiwebhook.simulate;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import io.github.vapiwebhook.security.WebhookSigner;

import static org.assertj.core.api.Assertions.assertThat;

class ReplayCommandTests {

	private static final String RINGING = """
			{"message":{"type":"status-update","status":"ringing","call":{"id":"call-a"}}}""";

	private static final String TOOL_CALLS = """
			{"message":{"type":"tool-calls","call":{"id":"call-a"},
			 "toolCallList":[{"id":"call_1","type":"function","function":{"name":"lookup","arguments":{}}}]}}""";

	private static final String OTHER_CALL = """
			{"message":{"type":"end-of-call-report","call":{"id":"call-b"},"endedReason":"customer-ended-call"}}""";

	private final MockWebServer server = new MockWebServer();

	private final StringWriter out = new StringWriter();

	private final StringWriter err = new StringWriter();

	@TempDir
	Path folder;

	@BeforeEach
	void startServer() throws IOException {
		this.server.start();
	}

	@AfterEach
	void stopServer() {
		this.server.close();
	}

	@Test
	void replaysTheFilesInNameOrderSignedAnew() throws IOException {
		WebhookStub stub = serve(WebhookStub.correct());
		write("1772442000005-000002-tool-calls.json", TOOL_CALLS);
		write("1772442000000-000001-status-update.json", RINGING);
		write("1772442000009-000003-end-of-call-report.json", OTHER_CALL);
		write("notes.txt", "not a message");
		int exit = run("--url", url(), "--hmac-secret", "s3cret", this.folder.toString());
		assertThat(exit).as(this.out.toString()).isZero();
		assertThat(stub.types()).containsExactly("status-update", "tool-calls", "end-of-call-report");
		RecordedRequest first = stub.requests().get(0);
		assertThat(first.getBody().utf8()).isEqualTo(RINGING);
		long timestamp = Long.parseLong(first.getHeaders().get("x-timestamp"));
		assertThat(Instant.ofEpochSecond(timestamp)).isAfter(Instant.now().minusSeconds(60));
		Map<String, String> expected = WebhookSigner.hmac("s3cret")
			.headersFor(first.getBody().toByteArray(), Instant.ofEpochSecond(timestamp));
		assertThat(first.getHeaders().get("x-signature")).isEqualTo(expected.get("x-signature"));
		assertThat(this.out.toString()).contains("Replaying 3 recorded messages").contains("3 messages, 0 failed");
	}

	@Test
	void numbersTheRowsByCall() throws IOException {
		serve(WebhookStub.correct());
		write("1-000001-status-update.json", RINGING);
		write("2-000002-end-of-call-report.json", OTHER_CALL);
		write("3-000003-tool-calls.json", TOOL_CALLS);
		run("--url", url(), this.folder.toString());
		assertThat(rows()).extracting((row) -> row.split("\\s+")[0]).containsExactly("1", "2", "1");
	}

	@Test
	void checksToolCallRepliesAgainstTheRecordedToolCallIds() throws IOException {
		serve(new WebhookStub(Map.of("tool-calls", (message) -> WebhookStub
			.json("{\"results\":[{\"name\":\"lookup\",\"toolCallId\":\"call_2\",\"result\":\"x\"}]}"))));
		write("1-000001-tool-calls.json", TOOL_CALLS);
		assertThat(run("--url", url(), this.folder.toString())).isEqualTo(1);
		assertThat(rows()).singleElement()
			.asString()
			.contains("FAIL: results[0].toolCallId 'call_2' was not sent; no result for toolCallId 'call_1'");
	}

	@Test
	void aMissingOrEmptyFolderExitsWith2() throws IOException {
		assertThat(run("--url", url(), this.folder.resolve("nope").toString())).isEqualTo(2);
		assertThat(this.err.toString()).contains("nope is not a folder");
		assertThat(run("--url", url(), this.folder.toString())).isEqualTo(2);
		assertThat(this.err.toString()).contains("No recorded messages (*.json) in");
		assertThat(this.server.getRequestCount()).isZero();
	}

	@Test
	void aFileThatIsNotARecordedMessageExitsWith2BeforeSendingAnything() throws IOException {
		write("1-000001-status-update.json", RINGING);
		write("2-000002-broken.json", "{\"message\":{}}");
		assertThat(run("--url", url(), this.folder.toString())).isEqualTo(2);
		assertThat(this.err.toString()).contains("2-000002-broken.json is not a recorded message");
		assertThat(this.server.getRequestCount()).isZero();
	}

	@Test
	void helpListsTheOptionsAndExitCodes() {
		assertThat(run("--help")).isZero();
		assertThat(this.out.toString()).contains("DIR", "--url=URL", "--timeout=SECONDS", "--bearer-token=TOKEN",
				"Exit codes:", "2   invalid options, or DIR holds no readable recording");
	}

	private int run(String... args) {
		CommandLine command = new CommandLine(new ReplayCommand());
		command.setOut(new PrintWriter(this.out));
		command.setErr(new PrintWriter(this.err));
		return command.execute(args);
	}

	private List<String> rows() {
		List<String> lines = this.out.toString().lines().toList();
		int header = lines.indexOf(lines.stream().filter((line) -> line.startsWith("CALL ")).findFirst().orElseThrow());
		return lines.subList(header + 1, lines.size() - 1).stream().map(String::strip).toList();
	}

	private WebhookStub serve(WebhookStub stub) {
		this.server.setDispatcher(stub);
		return stub;
	}

	private void write(String name, String content) throws IOException {
		Files.writeString(this.folder.resolve(name), content);
	}

	private String url() {
		return this.server.url("/vapi/webhook").toString();
	}

}

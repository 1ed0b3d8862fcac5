package io.github.vapiwebhook.simulate;

import java.io.IOException;
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

import io.github.vapiwebhook.security.WebhookSigner;
import io.github.vapiwebhook.testing.CommandRun;

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

	private final CommandRun command = new CommandRun();

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
		assertThat(exit).as(this.command.out()).isZero();
		assertThat(stub.types()).containsExactly("status-update", "tool-calls", "end-of-call-report");
		RecordedRequest first = stub.requests().get(0);
		assertThat(first.getBody().utf8()).isEqualTo(RINGING);
		long timestamp = Long.parseLong(first.getHeaders().get("x-timestamp"));
		assertThat(Instant.ofEpochSecond(timestamp)).isAfter(Instant.now().minusSeconds(60));
		Map<String, String> expected = WebhookSigner.hmac("s3cret")
			.headersFor(first.getBody().toByteArray(), Instant.ofEpochSecond(timestamp));
		assertThat(first.getHeaders().get("x-signature")).isEqualTo(expected.get("x-signature"));
		assertThat(this.command.out()).contains("Replaying 3 recorded messages").contains("3 messages, 0 failed");
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
		assertThat(this.command.err()).contains("nope is not a folder");
		assertThat(run("--url", url(), this.folder.toString())).isEqualTo(2);
		assertThat(this.command.err()).contains("No recorded messages (*.json) in");
		assertThat(this.server.getRequestCount()).isZero();
	}

	@Test
	void aFileThatIsNotARecordedMessageExitsWith2BeforeSendingAnything() throws IOException {
		write("1-000001-status-update.json", RINGING);
		write("2-000002-broken.json", "{\"message\":{}}");
		assertThat(run("--url", url(), this.folder.toString())).isEqualTo(2);
		assertThat(this.command.err()).contains("2-000002-broken.json is not a recorded message");
		assertThat(this.server.getRequestCount()).isZero();
	}

	@Test
	void helpListsTheOptionsAndExitCodes() {
		assertThat(run("--help")).isZero();
		assertThat(this.command.out()).contains("DIR", "--url=URL", "--timeout=SECONDS", "--bearer-token=TOKEN",
				"Exit codes:", "2   invalid options, or DIR holds no readable recording");
	}

	private int run(String... args) {
		return this.command.execute(new ReplayCommand(), args);
	}

	private List<String> rows() {
		return this.command.rows();
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

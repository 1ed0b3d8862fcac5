package io.github.vapiwebhook.recording;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.github.vapiwebhook.security.WebhookSigner;
import io.github.vapiwebhook.simulate.ReplayCommand;
import io.github.vapiwebhook.simulate.SimulateCommand;
import io.github.vapiwebhook.testing.CommandRun;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real server on a random port with recording on: a simulated call is recorded, one
 * redacted file per accepted message, and the folder replays green against the server.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "vapi.security.hmac.secrets=record-secret", "vapi.recording.enabled=true" })
class RecordingAndReplayTests {

	private static final Path FOLDER = createFolder();

	@LocalServerPort
	int port;

	private final CommandRun command = new CommandRun();

	private final HttpClient http = HttpClient.newHttpClient();

	@DynamicPropertySource
	static void recordingFolder(DynamicPropertyRegistry registry) {
		registry.add("vapi.recording.directory", FOLDER::toString);
	}

	@BeforeEach
	void emptyFolder() throws IOException {
		for (Path file : files()) {
			Files.delete(file);
		}
	}

	@Test
	void recordsEveryAcceptedMessageRedactedAndReplaysThemGreen() throws IOException {
		int simulated = run(new SimulateCommand(), "--url", webhook(), "--scenario", "transfer", "--hmac-secret",
				"record-secret");
		assertThat(simulated).as(this.command.out()).isZero();
		List<Path> files = files();
		assertThat(files).hasSize(10);
		assertThat(files.get(0).getFileName().toString()).matches("\\d{13}-\\d{6}-assistant-request\\.json");
		assertThat(files.get(9).getFileName().toString()).endsWith("-end-of-call-report.json");
		for (Path file : files) {
			assertThat(Files.readString(file)).doesNotContain("+15555550123");
		}
		int replayed = run(new ReplayCommand(), "--url", webhook(), "--hmac-secret", "record-secret",
				FOLDER.toString());
		assertThat(replayed).as(this.command.out()).isZero();
		assertThat(this.command.out()).contains("Replaying 10 recorded messages");
		assertThat(this.command.rows()).hasSize(10).allSatisfy((row) -> assertThat(row).endsWith(" ok"));
		assertThat(files()).hasSize(20);
	}

	@Test
	void doesNotRecordRefusedRequests() throws IOException {
		int simulated = run(new SimulateCommand(), "--url", webhook(), "--scenario", "failed-tool", "--hmac-secret",
				"wrong-secret");
		assertThat(simulated).isEqualTo(1);
		assertThat(this.command.out()).contains(" 401 ");
		assertThat(files()).isEmpty();
	}

	@Test
	void aMessageTypeWithAnEmojiIsAnsweredAndRecordingGoesOn() throws IOException, InterruptedException {
		HttpResponse<String> emoji = post("{\"message\":{\"type\":\"\uD83D\uDE00\"}}");
		assertThat(emoji.statusCode()).isEqualTo(200);
		assertThat(emoji.body()).startsWith("{");
		HttpResponse<String> status = post(
				"{\"message\":{\"type\":\"status-update\",\"status\":\"ringing\",\"call\":{\"id\":\"call-emoji\"}}}");
		assertThat(status.statusCode()).isEqualTo(200);
		assertThat(files()).extracting((file) -> file.getFileName().toString())
			.hasSize(2)
			.anySatisfy((name) -> assertThat(name).endsWith("-_.json"))
			.anySatisfy((name) -> assertThat(name).endsWith("-status-update.json"));
	}

	private HttpResponse<String> post(String json) throws IOException, InterruptedException {
		byte[] body = json.getBytes(StandardCharsets.UTF_8);
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(webhook()))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofByteArray(body));
		WebhookSigner.hmac("record-secret").headersFor(body, Instant.now()).forEach(request::header);
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private int run(Object command, String... args) {
		return this.command.execute(command, args);
	}

	private String webhook() {
		return "http://localhost:" + this.port + "/vapi/webhook";
	}

	private static List<Path> files() throws IOException {
		try (Stream<Path> listing = Files.list(FOLDER)) {
			return listing.sorted().toList();
		}
	}

	private static Path createFolder() {
		try {
			Path folder = Files.createTempDirectory("vapi-recording");
			folder.toFile().deleteOnExit();
			return folder;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}

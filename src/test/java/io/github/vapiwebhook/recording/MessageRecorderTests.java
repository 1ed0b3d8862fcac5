package io.github.vapiwebhook.recording;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

import io.github.vapiwebhook.testing.SettableClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

class MessageRecorderTests {

	private static final String STATUS = """
			{"message":{"type":"status-update","status":"ringing","customer":{"number":"+14155550123"}}}""";

	@TempDir
	Path folder;

	private final SettableClock clock = new SettableClock(Instant.parse("2026-03-02T09:00:00Z"));

	private final JsonMapper mapper = JsonMapper.builder().build();

	@Test
	void writesOneRedactedFilePerMessageNamedInArrivalOrder() throws IOException {
		MessageRecorder recorder = recorder(10, false);
		recorder.record(bytes(STATUS));
		this.clock.advance(java.time.Duration.ofMillis(5));
		recorder.record(bytes("{\"message\":{\"type\":\"end-of-call-report\"}}"));
		List<Path> files = files();
		assertThat(files).extracting((file) -> file.getFileName().toString())
			.containsExactly("1772442000000-000001-status-update.json", "1772442000005-000002-end-of-call-report.json");
		String first = Files.readString(files.get(0));
		assertThat(first).contains("\"status\":\"ringing\"").contains(Redactor.REDACTED).doesNotContain("+1415");
	}

	@Test
	void keepsPersonalDataWhenTold() throws IOException {
		recorder(10, true).record(bytes(STATUS));
		assertThat(Files.readString(files().get(0))).contains("+14155550123");
	}

	@Test
	void stopsAtMaxFilesCountingTheFilesAlreadyThere() throws IOException {
		Files.writeString(this.folder.resolve("0000000000001-000001-status-update.json"), STATUS);
		MessageRecorder recorder = recorder(3, false);
		for (int i = 0; i < 5; i++) {
			recorder.record(bytes(STATUS));
		}
		assertThat(files()).hasSize(3);
	}

	@Test
	void aBodyThatIsNotJsonIsNotRecordedAndDoesNotThrow() throws IOException {
		MessageRecorder recorder = recorder(2, false);
		assertThatNoException().isThrownBy(() -> recorder.record(bytes("not json")));
		recorder.record(bytes(STATUS));
		recorder.record(bytes(STATUS));
		assertThat(files()).hasSize(2);
	}

	@Test
	void keepsAnOddTypeOutOfTheFileName() throws IOException {
		recorder(10, false).record(bytes("{\"message\":{\"type\":\"../../etc/passwd\"}}"));
		assertThat(files()).singleElement()
			.satisfies((file) -> assertThat(file.getParent()).isEqualTo(this.folder))
			.satisfies((file) -> assertThat(file.getFileName().toString()).endsWith("-.._.._etc_passwd.json"));
	}

	private MessageRecorder recorder(int maxFiles, boolean keep) {
		return new MessageRecorder(new RecordingProperties(true, this.folder, maxFiles, keep), new Redactor(),
				this.mapper, this.clock);
	}

	private List<Path> files() throws IOException {
		try (Stream<Path> listing = Files.list(this.folder)) {
			return listing.sorted().toList();
		}
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}

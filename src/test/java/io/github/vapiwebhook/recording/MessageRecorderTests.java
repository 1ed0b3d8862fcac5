package io.github.vapiwebhook.recording;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

import io.github.vapiwebhook.testing.SettableClock;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

@ExtendWith(OutputCaptureExtension.class)
class MessageRecorderTests {

	private static final String STATUS = """
			{"message":{"type":"status-update","status":"ringing","customer":{"number":"+14155550123"}}}""";

	@TempDir
	Path folder;

	private final SettableClock clock = new SettableClock(Instant.parse("2026-03-02T09:00:00Z"));

	private final JsonMapper mapper = JsonMapper.builder().build();

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

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

	@Test
	void aTypeWithAnEmojiIsRecordedUnderACleanedName() throws IOException {
		MessageRecorder recorder = recorder(10, false);
		recorder.record(bytes("{\"message\":{\"type\":\"\uD83D\uDE00\"}}"));
		recorder.record(bytes("{\"message\":{\"type\":\"status-\uD83D\uDE00-update\"}}"));
		assertThat(files()).extracting((file) -> file.getFileName().toString())
			.containsExactly("1772442000000-000001-_.json", "1772442000000-000002-status-_-update.json");
	}

	@Test
	void aFailedWriteGivesBackItsPlaceUnderMaxFiles() throws IOException {
		AtomicBoolean failing = new AtomicBoolean(true);
		Clock clock = new Clock() {

			@Override
			public ZoneId getZone() {
				return ZoneOffset.UTC;
			}

			@Override
			public Clock withZone(ZoneId zone) {
				return this;
			}

			@Override
			public Instant instant() {
				if (failing.get()) {
					throw new IllegalStateException("clock out of order");
				}
				return MessageRecorderTests.this.clock.instant();
			}

		};
		MessageRecorder recorder = new MessageRecorder(
				new RecordingProperties(true, this.folder, 2, DataSize.ofMegabytes(100), false), new Redactor(),
				this.mapper, clock, this.meters);
		for (int i = 0; i < 3; i++) {
			assertThatNoException().isThrownBy(() -> recorder.record(bytes(STATUS)));
		}
		failing.set(false);
		recorder.record(bytes(STATUS));
		recorder.record(bytes(STATUS));
		assertThat(files()).hasSize(2);
		assertThat(this.meters.get(MessageRecorder.SKIPPED).tag("reason", "max_files").counter().count()).isZero();
	}

	@Test
	void skipsAMessageThatWouldTakeTheFolderPastMaxBytesCountingTheFilesAlreadyThere() throws IOException {
		Files.writeString(this.folder.resolve("0000000000001-000001-status-update.json"), "x".repeat(900));
		MessageRecorder recorder = recorder(10, DataSize.ofBytes(1100), false);
		String large = "{\"message\":{\"type\":\"status-update\",\"status\":\"" + "y".repeat(300) + "\"}}";
		recorder.record(bytes(large));
		recorder.record(bytes(large));
		String small = "{\"message\":{\"type\":\"status-update\"}}";
		recorder.record(bytes(small));
		assertThat(files()).extracting((file) -> file.getFileName().toString())
			.containsExactly("0000000000001-000001-status-update.json", "1772442000000-000003-status-update.json");
		assertThat(files().stream().mapToLong((file) -> file.toFile().length()).sum()).isLessThanOrEqualTo(1100);
		assertThat(this.meters.get(MessageRecorder.SKIPPED).tag("reason", "max_bytes").counter().count()).isEqualTo(2);
	}

	@Test
	void warnsOnceWhenMaxBytesIsReached(CapturedOutput output) {
		MessageRecorder recorder = recorder(10, DataSize.ofBytes(10), false);
		for (int i = 0; i < 3; i++) {
			recorder.record(bytes(STATUS));
		}
		assertThat(output.getOut().lines().filter((line) -> line.contains("vapi.recording.max-bytes"))).singleElement()
			.asString()
			.contains("WARN");
	}

	private MessageRecorder recorder(int maxFiles, boolean keep) {
		return recorder(maxFiles, DataSize.ofMegabytes(100), keep);
	}

	private MessageRecorder recorder(int maxFiles, DataSize maxBytes, boolean keep) {
		return new MessageRecorder(new RecordingProperties(true, this.folder, maxFiles, maxBytes, keep), new Redactor(),
				this.mapper, this.clock, this.meters);
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

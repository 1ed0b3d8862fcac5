package io.github.vapiwebhook.recording;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import io.github.vapiwebhook.webhook.WebhookAutoConfiguration;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(OutputCaptureExtension.class)
class RecordingAutoConfigurationTests {

	@TempDir
	Path folder;

	private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class, JacksonAutoConfiguration.class,
				WebhookAutoConfiguration.class, RecordingAutoConfiguration.class));

	@Test
	void isOffByDefault() {
		this.runner.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(MessageRecorder.class));
	}

	@Test
	void recordsToTheConfiguredFolderWhenEnabled() {
		this.runner
			.withPropertyValues("vapi.recording.enabled=true",
					"vapi.recording.directory=" + this.folder.resolve("made"))
			.run((context) -> {
				assertThat(context).hasSingleBean(MessageRecorder.class);
				assertThat(this.folder.resolve("made")).isDirectory();
			});
	}

	@Test
	void bindsMaxBytesWithAHundredMegabytesByDefault() {
		this.runner.withPropertyValues("vapi.recording.enabled=true", "vapi.recording.directory=" + this.folder)
			.run((context) -> assertThat(context.getBean(RecordingProperties.class).maxBytes())
				.isEqualTo(DataSize.ofMegabytes(100)));
		this.runner
			.withPropertyValues("vapi.recording.enabled=true", "vapi.recording.directory=" + this.folder,
					"vapi.recording.max-bytes=2KB")
			.run((context) -> assertThat(context.getBean(RecordingProperties.class).maxBytes())
				.isEqualTo(DataSize.ofKilobytes(2)));
	}

	@Test
	void warnsAtStartupWhenPersonalDataIsKept(CapturedOutput output) {
		this.runner
			.withPropertyValues("vapi.recording.enabled=true", "vapi.recording.directory=" + this.folder,
					"vapi.recording.keep-personal-data=true")
			.run((context) -> assertThat(context).hasNotFailed());
		assertThat(output).contains("WARN").contains("Recording keeps personal data");
	}

	@Test
	void refusesToStartWithoutRoomForAFile() {
		this.runner
			.withPropertyValues("vapi.recording.enabled=true", "vapi.recording.directory=" + this.folder,
					"vapi.recording.max-files=0")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.hasStackTraceContaining("vapi.recording.max-files"));
	}

	@Test
	void refusesToStartWhenTheFolderCannotBeMade() throws IOException {
		Path file = Files.writeString(this.folder.resolve("a-file"), "x");
		this.runner.withPropertyValues("vapi.recording.enabled=true", "vapi.recording.directory=" + file.resolve("sub"))
			.run((context) -> assertThat(context).hasFailed().getFailure().hasStackTraceContaining("cannot be used"));
	}

}

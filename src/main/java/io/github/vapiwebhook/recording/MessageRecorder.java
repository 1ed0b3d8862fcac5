package io.github.vapiwebhook.recording;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes each recorded message to its own file in the recording folder, named
 * {@code <epoch millis>-<sequence>-<type>.json} so that the names sort in arrival order,
 * redacted unless personal data is to be kept. Stops at the folder's file limit. A
 * failure to record is logged and never reaches the webhook's answer.
 */
class MessageRecorder {

	private static final Logger logger = LoggerFactory.getLogger(MessageRecorder.class);

	private final RecordingProperties properties;

	private final Redactor redactor;

	private final JsonMapper mapper;

	private final Clock clock;

	private final AtomicInteger files;

	private final AtomicLong sequence = new AtomicLong();

	private final AtomicBoolean full = new AtomicBoolean();

	MessageRecorder(RecordingProperties properties, Redactor redactor, JsonMapper mapper, Clock clock) {
		this.properties = properties;
		this.redactor = redactor;
		this.mapper = mapper;
		this.clock = clock;
		this.files = new AtomicInteger(existingFiles(properties.directory()));
		if (properties.keepPersonalData()) {
			logger.warn("Recording keeps personal data: phone numbers, names, email addresses and transcripts are "
					+ "written unredacted to {}", properties.directory().toAbsolutePath());
		}
		logger.info("Recording authenticated messages to {} ({} of at most {} files there already)",
				properties.directory().toAbsolutePath(), this.files.get(), properties.maxFiles());
	}

	private static int existingFiles(Path directory) {
		try {
			Files.createDirectories(directory);
			try (Stream<Path> listing = Files.list(directory)) {
				return (int) listing.filter((file) -> file.getFileName().toString().endsWith(".json")).count();
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("vapi.recording.directory " + directory + " cannot be used", ex);
		}
	}

	/**
	 * Records one message.
	 * @param body the exact body received
	 */
	void record(byte[] body) {
		if (this.files.incrementAndGet() > this.properties.maxFiles()) {
			this.files.decrementAndGet();
			if (this.full.compareAndSet(false, true)) {
				logger.warn("Recording stopped: {} holds vapi.recording.max-files ({}) files",
						this.properties.directory().toAbsolutePath(), this.properties.maxFiles());
			}
			return;
		}
		try {
			write(body);
		}
		catch (IOException | JacksonException | UncheckedIOException ex) {
			this.files.decrementAndGet();
			// the exception's message may quote the body: name its type only
			logger.warn("Could not record a message: {}", ex.getClass().getName());
		}
	}

	private void write(byte[] body) throws IOException {
		JsonNode message = this.mapper.readTree(body);
		String type = message.path("message").path("type").asString("unknown");
		if (!this.properties.keepPersonalData()) {
			this.redactor.redact(message);
		}
		String name = String.format("%013d-%06d-%s.json", this.clock.millis(), this.sequence.incrementAndGet(),
				type.replaceAll("[^A-Za-z0-9._-]", "_").substring(0, Math.min(type.length(), 60)));
		Files.write(this.properties.directory().resolve(name), this.mapper.writeValueAsBytes(message),
				StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
	}

}

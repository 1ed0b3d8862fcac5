package io.github.vapiwebhook.recording;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes each recorded message to its own file in the recording folder, named
 * {@code <epoch millis>-<sequence>-<type>.json} so that the names sort in arrival order,
 * redacted unless personal data is to be kept. Stops at the folder's file limit and skips
 * a message that would take the folder past its byte limit, counting both. A failure to
 * record is logged and never reaches the webhook's answer.
 */
class MessageRecorder {

	static final String SKIPPED = "vapi.recording.skipped";

	private static final Logger logger = LoggerFactory.getLogger(MessageRecorder.class);

	private final RecordingProperties properties;

	private final Redactor redactor;

	private final JsonMapper mapper;

	private final Clock clock;

	private final AtomicInteger files;

	private final AtomicLong bytes;

	private final AtomicLong sequence = new AtomicLong();

	private final AtomicBoolean full = new AtomicBoolean();

	private final AtomicBoolean tooLarge = new AtomicBoolean();

	private final Counter skippedForFiles;

	private final Counter skippedForBytes;

	MessageRecorder(RecordingProperties properties, Redactor redactor, JsonMapper mapper, Clock clock,
			MeterRegistry meters) {
		this.properties = properties;
		this.redactor = redactor;
		this.mapper = mapper;
		this.clock = clock;
		List<Path> existing = existingFiles(properties.directory());
		this.files = new AtomicInteger(existing.size());
		this.bytes = new AtomicLong(sizeOf(existing));
		this.skippedForFiles = skipped("max_files", meters);
		this.skippedForBytes = skipped("max_bytes", meters);
		if (properties.keepPersonalData()) {
			logger.warn("Recording keeps personal data: phone numbers, names, email addresses and transcripts are "
					+ "written unredacted to {}", properties.directory().toAbsolutePath());
		}
		logger.info(
				"Recording authenticated messages to {} ({} of at most {} files and {} of at most {} bytes there already)",
				properties.directory().toAbsolutePath(), this.files.get(), properties.maxFiles(), this.bytes.get(),
				properties.maxBytes().toBytes());
	}

	private static List<Path> existingFiles(Path directory) {
		try {
			Files.createDirectories(directory);
			try (Stream<Path> listing = Files.list(directory)) {
				return listing.filter((file) -> file.getFileName().toString().endsWith(".json")).toList();
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("vapi.recording.directory " + directory + " cannot be used", ex);
		}
	}

	private static long sizeOf(List<Path> files) {
		long total = 0;
		for (Path file : files) {
			try {
				total += Files.size(file);
			}
			catch (IOException ex) {
				// removed since it was listed: it takes no room
			}
		}
		return total;
	}

	private static Counter skipped(String reason, MeterRegistry meters) {
		return Counter.builder(SKIPPED)
			.description("Accepted messages not recorded because the folder reached a limit, by limit")
			.tag("reason", reason)
			.register(meters);
	}

	/**
	 * Records one message.
	 * @param body the exact body received
	 */
	void record(byte[] body) {
		// no failure, whatever its kind, may reach the webhook's answer
		try {
			recordWithinLimits(body);
		}
		catch (IOException | RuntimeException ex) {
			// the exception's message may quote the body: name its type only
			logger.warn("Could not record a message: {}", ex.getClass().getName());
		}
	}

	private void recordWithinLimits(byte[] body) throws IOException {
		if (this.files.incrementAndGet() > this.properties.maxFiles()) {
			this.files.decrementAndGet();
			this.skippedForFiles.increment();
			if (this.full.compareAndSet(false, true)) {
				logger.warn("Recording stopped: {} holds vapi.recording.max-files ({}) files",
						this.properties.directory().toAbsolutePath(), this.properties.maxFiles());
			}
			return;
		}
		boolean written = false;
		try {
			written = write(body);
		}
		finally {
			if (!written) {
				this.files.decrementAndGet();
			}
		}
	}

	/**
	 * Writes one message unless it would take the folder past its byte limit.
	 * @param body the exact body received
	 * @return whether a file was written
	 * @throws IOException if the file cannot be written
	 */
	private boolean write(byte[] body) throws IOException {
		JsonNode message = this.mapper.readTree(body);
		if (!this.properties.keepPersonalData()) {
			this.redactor.redact(message);
		}
		// read after redaction: no personal data in a file name either
		String type = message.path("message").path("type").asString("unknown");
		String cleaned = type.replaceAll("[^A-Za-z0-9._-]", "_");
		String name = String.format("%013d-%06d-%s.json", this.clock.millis(), this.sequence.incrementAndGet(),
				cleaned.substring(0, Math.min(cleaned.length(), 60)));
		byte[] content = this.mapper.writeValueAsBytes(message);
		long total = this.bytes.addAndGet(content.length);
		if (total > this.properties.maxBytes().toBytes()) {
			this.bytes.addAndGet(-content.length);
			this.skippedForBytes.increment();
			if (this.tooLarge.compareAndSet(false, true)) {
				logger.warn("Recording skips messages that would take {} past vapi.recording.max-bytes ({})",
						this.properties.directory().toAbsolutePath(), this.properties.maxBytes());
			}
			return false;
		}
		try {
			Files.write(this.properties.directory().resolve(name), content, StandardOpenOption.CREATE_NEW,
					StandardOpenOption.WRITE);
			return true;
		}
		catch (IOException | RuntimeException ex) {
			this.bytes.addAndGet(-content.length);
			throw ex;
		}
	}

}

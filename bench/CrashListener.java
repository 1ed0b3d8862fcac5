package io.github.vapiwebhook.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import io.github.vapiwebhook.message.EndOfCallReportMessage;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.modulith.events.ApplicationModuleListener;

/**
 * The durable listener of bench/crash.sh, not part of the server: bench/crash.sh compiles
 * it against the server's jar into a directory of its own, registers it as an
 * auto-configuration there (META-INF/spring/...AutoConfiguration.imports) and puts that
 * directory on the server's class path, as a user's application would add a listener.
 * Each end-of-call report delivered to it appends the report's call id, one line per
 * delivery, to the file named by {@code crash.listener.file}, and forces it to the disk
 * before returning, so that a delivery Spring Modulith counts as done is on the disk.
 */
@AutoConfiguration
public class CrashListener {

	@Bean
	Recorder crashRecorder(Environment environment) {
		return new Recorder(Path.of(environment.getRequiredProperty("crash.listener.file")));
	}

	/**
	 * Records each delivered report.
	 */
	public static class Recorder {

		private final FileChannel file;

		Recorder(Path path) {
			try {
				this.file = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
						StandardOpenOption.APPEND);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

		/**
		 * Appends the report's call id.
		 * @param report the report
		 */
		@ApplicationModuleListener
		public void on(EndOfCallReportMessage report) {
			ByteBuffer line = ByteBuffer.wrap((report.callId() + "\n").getBytes(StandardCharsets.UTF_8));
			synchronized (this) {
				try {
					while (line.hasRemaining()) {
						this.file.write(line);
					}
					this.file.force(false);
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			}
		}

	}

}

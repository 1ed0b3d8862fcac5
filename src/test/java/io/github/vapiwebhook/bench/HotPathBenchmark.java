package io.github.vapiwebhook.bench;

import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.TimeUnit;

import io.github.vapiwebhook.VapiWebhookApplication;
import io.github.vapiwebhook.message.ServerMessage;
import io.github.vapiwebhook.message.ServerMessageReader;
import io.github.vapiwebhook.webhook.ServerMessageDispatcher;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The server's hot path without HTTP: parsing messages of each size and dispatching them
 * through the real application context (built-in replies, listeners, metrics). Run with
 * {@code bench/jmh.sh}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class HotPathBenchmark {

	private ConfigurableApplicationContext context;

	private ServerMessageReader reader;

	private ServerMessageDispatcher dispatcher;

	private byte[] toolCalls;

	private byte[] statusUpdate;

	private byte[] endOfCallReport;

	@Setup(Level.Trial)
	public void start() throws IOException {
		this.context = new SpringApplicationBuilder(VapiWebhookApplication.class).web(WebApplicationType.NONE)
			.properties("logging.level.root=WARN", "vapi.security.mode=none")
			.run();
		this.reader = this.context.getBean(ServerMessageReader.class);
		this.dispatcher = this.context.getBean(ServerMessageDispatcher.class);
		this.toolCalls = fixture("tool-calls");
		this.statusUpdate = fixture("status-update");
		this.endOfCallReport = fixture("end-of-call-report");
	}

	@TearDown(Level.Trial)
	public void stop() {
		this.context.close();
	}

	private static byte[] fixture(String type) throws IOException {
		try (InputStream in = HotPathBenchmark.class.getResourceAsStream("/messages/" + type + ".json")) {
			if (in == null) {
				throw new IllegalStateException("No fixture for " + type);
			}
			return in.readAllBytes();
		}
	}

	@Benchmark
	public ServerMessage parseToolCalls() {
		return this.reader.read(this.toolCalls);
	}

	@Benchmark
	public ServerMessage parseEndOfCallReport() {
		return this.reader.read(this.endOfCallReport);
	}

	@Benchmark
	public Object parseAndDispatchToolCalls() {
		return this.dispatcher.dispatch(this.reader.read(this.toolCalls));
	}

	@Benchmark
	public Object parseAndDispatchStatusUpdate() {
		return this.dispatcher.dispatch(this.reader.read(this.statusUpdate));
	}

	@Benchmark
	public Object parseAndDispatchEndOfCallReport() {
		return this.dispatcher.dispatch(this.reader.read(this.endOfCallReport));
	}

}

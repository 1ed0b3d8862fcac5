package io.github.vapiwebhook.security;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

import io.github.vapiwebhook.VapiWebhookApplication;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Authentication of a signed request, as the filter does it, without HTTP: HMAC-SHA256
 * over the raw bytes of a tool-calls message and of a long end-of-call report, and a
 * shared-secret check. Run with {@code bench/jmh.sh} (it selects every benchmark whose
 * name matches its pattern).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class AuthenticationBenchmark {

	private static final String SECRET = "bench-hmac-secret";

	private ConfigurableApplicationContext context;

	private WebhookAuthenticator authenticator;

	private VerificationRequest signedToolCalls;

	private VerificationRequest signedEndOfCallReport;

	private byte[] toolCalls;

	private byte[] endOfCallReport;

	private VerificationRequest sharedSecret;

	@Setup(Level.Trial)
	public void start() throws IOException {
		// the webhook's auto-configuration needs a servlet web application: a random port
		this.context = new SpringApplicationBuilder(VapiWebhookApplication.class).run("--server.port=0",
				"--logging.level.root=WARN", "--vapi.security.hmac.secrets=" + SECRET,
				"--vapi.security.shared-secret.secrets=bench-shared-secret");
		this.authenticator = this.context.getBean(WebhookAuthenticator.class);
		this.toolCalls = fixture("tool-calls");
		this.endOfCallReport = fixture("end-of-call-report");
		this.signedToolCalls = signed(this.toolCalls);
		this.signedEndOfCallReport = signed(this.endOfCallReport);
		this.sharedSecret = new VerificationRequest("POST", "http://127.0.0.1/vapi/webhook",
				WebhookSigner.sharedSecret("bench-shared-secret").headersFor(fixture("hang"), Instant.now()), null);
	}

	@TearDown(Level.Trial)
	public void stop() {
		this.context.close();
	}

	private static VerificationRequest signed(byte[] body) {
		return new VerificationRequest("POST", "http://127.0.0.1/vapi/webhook",
				WebhookSigner.hmac(SECRET).headersFor(body, Instant.now()), null);
	}

	private static byte[] fixture(String type) throws IOException {
		try (InputStream in = AuthenticationBenchmark.class.getResourceAsStream("/messages/" + type + ".json")) {
			if (in == null) {
				throw new IllegalStateException("No fixture for " + type);
			}
			return in.readAllBytes();
		}
	}

	@Benchmark
	public boolean hmacToolCalls() {
		return signatureMatches(this.signedToolCalls, this.toolCalls);
	}

	@Benchmark
	public boolean hmacEndOfCallReport() {
		return signatureMatches(this.signedEndOfCallReport, this.endOfCallReport);
	}

	@Benchmark
	public Verdict sharedSecret() {
		return this.authenticator.authenticate(this.sharedSecret);
	}

	/** Both stages, as the filter runs them: the headers, then the body as it arrives. */
	private boolean signatureMatches(VerificationRequest request, byte[] body) {
		BodySignature signature = ((Verdict.NeedsBody) this.authenticator.authenticate(request)).signature();
		signature.update(body, 0, body.length);
		return signature.matches(body);
	}

}

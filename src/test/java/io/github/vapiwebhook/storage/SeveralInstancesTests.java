package io.github.vapiwebhook.storage;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.vapiwebhook.security.WebhookSigner;
import io.github.vapiwebhook.testing.TestDatabases;
import io.github.vapiwebhook.tools.ToolParam;
import io.github.vapiwebhook.tools.VapiTool;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two instances of an application on one database (the same PostgreSQL schema, or the
 * same named H2 in-memory database, which both share in this JVM), over real HTTP with
 * signed requests: what one instance ran or saw, the other knows.
 */
class SeveralInstancesTests {

	private static final String SECRET = "whsec-several";

	private static final String FORMAT = "{svix-id}.{timestamp}.{body}";

	private static final Map<String, Instances> started = new HashMap<>();

	static List<String> databases() {
		return TestDatabases.names();
	}

	@AfterAll
	static void stopTheInstances() {
		started.values().forEach(Instances::close);
		started.clear();
	}

	@ParameterizedTest
	@MethodSource("databases")
	void aToolCallRetriedOnTheOtherInstanceGetsTheFirstInstancesResult(String database) {
		Instances instances = instancesOn(database);
		String body = toolCalls("call-retried-" + database, "tc-book");
		Instant signedAt = Instant.now();
		CompletableFuture<String> first = CompletableFuture
			.supplyAsync(() -> post(instances.first(), body, signed("msg-first-" + database, body, signedAt)));
		SlowCountingTool firstTool = instances.first().getBean(SlowCountingTool.class);
		await().atMost(Duration.ofSeconds(5)).until(() -> firstTool.runs() == 1);
		// Vapi's retry: the same message signed again, so not an exact repeat
		Arrivals arrivals = instances.second().getBean(Arrivals.class);
		int arrived = arrivals.count();
		CompletableFuture<String> retry = CompletableFuture.supplyAsync(
				() -> post(instances.second(), body, signed("msg-retry-" + database, body, signedAt.plusSeconds(1))));
		await().atMost(Duration.ofSeconds(5)).until(() -> arrivals.count() > arrived);
		firstTool.finish();
		assertThat(first.join()).isEqualTo("200 {\"results\":[{\"name\":\"book_table\",\"toolCallId\":\"tc-book\","
				+ "\"result\":\"Booked a table for 4 (run 1 on first)\"}]}");
		assertThat(retry.join()).isEqualTo(first.join());
		assertThat(firstTool.runs()).isEqualTo(1);
		assertThat(instances.second().getBean(SlowCountingTool.class).runs()).isZero();
	}

	@ParameterizedTest
	@MethodSource("databases")
	void aMessageIdUsedOnOneInstanceIsRefusedOnTheOther(String database) {
		Instances instances = instancesOn(database);
		String body = hang("call-message-id-" + database);
		Instant signedAt = Instant.now();
		String id = "msg-once-" + database;
		assertThat(post(instances.first(), body, signed(id, body, signedAt))).startsWith("200");
		assertThat(post(instances.second(), body, signed(id, body, signedAt.plusSeconds(1)))).startsWith("401");
	}

	@ParameterizedTest
	@MethodSource("databases")
	void anExactRepeatReachingTheOtherInstanceIsHandledThere(String database) {
		Instances instances = instancesOn(database);
		String body = hang("call-exact-repeat-" + database);
		Map<String, String> headers = signed("msg-exact-" + database, body, Instant.now());
		assertThat(post(instances.first(), body, headers)).startsWith("200");
		assertThat(post(instances.second(), body, headers)).startsWith("200");
	}

	private static synchronized Instances instancesOn(String database) {
		return started.computeIfAbsent(database, (name) -> {
			String url = TestDatabases.newDatabase(name);
			return new Instances(start("first", name, url), start("second", name, url));
		});
	}

	private static ConfigurableApplicationContext start(String instance, String database, String url) {
		List<String> args = new ArrayList<>(List.of("--server.port=0", "--instance.name=" + instance,
				"--spring.datasource.url=" + url, "--vapi.security.hmac.secrets=" + SECRET,
				"--vapi.security.hmac.message-id-header=svix-id", "--vapi.security.hmac.payload-format=" + FORMAT));
		if (database.equals("h2")) {
			args.add("--spring.datasource.username=sa");
		}
		return new SpringApplicationBuilder(Instance.class).run(args.toArray(String[]::new));
	}

	private static Map<String, String> signed(String messageId, String body, Instant at) {
		return WebhookSigner.builder(SECRET)
			.payloadFormat(FORMAT)
			.messageId("svix-id", messageId)
			.build()
			.headersFor(body, at);
	}

	private static String post(ConfigurableApplicationContext instance, String body, Map<String, String> headers) {
		return RestClient.create("http://127.0.0.1:" + instance.getEnvironment().getProperty("local.server.port"))
			.post()
			.uri("/vapi/webhook")
			.contentType(MediaType.APPLICATION_JSON)
			.headers((http) -> headers.forEach(http::add))
			.body(body.getBytes(StandardCharsets.UTF_8))
			.exchange((request, response) -> response.getStatusCode().value() + " "
					+ new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8));
	}

	private static String toolCalls(String callId, String toolCallId) {
		return "{\"message\":{\"type\":\"tool-calls\",\"call\":{\"id\":\"" + callId + "\"},\"toolCallList\":[{\"id\":\""
				+ toolCallId + "\",\"type\":\"function\",\"function\":{\"name\":\"book_table\","
				+ "\"arguments\":{\"guests\":4}}}],\"toolWithToolCallList\":[]}}";
	}

	private static String hang(String callId) {
		return "{\"message\":{\"type\":\"hang\",\"call\":{\"id\":\"" + callId + "\"}}}";
	}

	/** The two instances on one database. */
	private record Instances(ConfigurableApplicationContext first, ConfigurableApplicationContext second) {

		void close() {
			this.first.close();
			this.second.close();
		}

	}

	/** An application that uses the library, with one slow tool. */
	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class Instance {

		@Bean
		SlowCountingTool slowCountingTool(Environment environment) {
			return new SlowCountingTool(environment.getRequiredProperty("instance.name"));
		}

		@Bean
		Arrivals arrivals() {
			return new Arrivals();
		}

	}

	/** A tool that counts its runs and takes its time: it finishes when told to. */
	static class SlowCountingTool {

		private final String instance;

		private final AtomicInteger runs = new AtomicInteger();

		private final CountDownLatch finish = new CountDownLatch(1);

		SlowCountingTool(String instance) {
			this.instance = instance;
		}

		@VapiTool(name = "book_table", description = "Books a table")
		String bookTable(@ToolParam(description = "Guests") int guests) throws InterruptedException {
			int run = this.runs.incrementAndGet();
			this.finish.await(5, TimeUnit.SECONDS);
			return "Booked a table for " + guests + " (run " + run + " on " + this.instance + ")";
		}

		int runs() {
			return this.runs.get();
		}

		void finish() {
			this.finish.countDown();
		}

	}

	/** Counts the requests that reached the instance. */
	static class Arrivals implements Filter {

		private final AtomicInteger count = new AtomicInteger();

		@Override
		public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
				throws IOException, ServletException {
			this.count.incrementAndGet();
			chain.doFilter(request, response);
		}

		int count() {
			return this.count.get();
		}

	}

}

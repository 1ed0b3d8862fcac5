package io.github.vapiwebhook.training;

import java.net.URI;
import java.util.Arrays;

import io.github.vapiwebhook.VapiWebhookApplication;
import io.github.vapiwebhook.security.SecurityProperties;
import io.github.vapiwebhook.webhook.WebhookProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The training run for the JDK's ahead-of-time cache, a main class of its own that the
 * Docker image build runs under {@code -XX:AOTCacheOutput}: it starts the server in its
 * own JVM, sends it webhook requests over HTTP (see {@link TrainingClient}), stops it and
 * exits, with status 0 when every answer was the expected one and 1 otherwise. The JDK
 * records what the requests loaded and linked (Tomcat's request handling, the filters,
 * authentication, parsing, dispatch, the reply), so that the first real call after a
 * start does not pay for it.
 * <p>
 * It is not a bean and the server never runs it:
 * {@code java -cp application.jar io.github.vapiwebhook.training.AotTrainingRun REQUESTS
 * [application arguments]}. The arguments should set a credential, e.g. a throwaway
 * {@code --vapi.security.hmac.secrets}, and {@code --server.port=0}.
 */
public final class AotTrainingRun {

	private static final Logger logger = LoggerFactory.getLogger(AotTrainingRun.class);

	private final int requests;

	AotTrainingRun(int requests) {
		if (requests < 1) {
			throw new IllegalArgumentException("The training run needs at least one request, not " + requests);
		}
		this.requests = requests;
	}

	public static void main(String[] args) {
		if (args.length == 0 || !args[0].matches("[0-9]{1,9}")) {
			throw new IllegalArgumentException(
					"Usage: java -cp application.jar " + AotTrainingRun.class.getName() + " REQUESTS [arguments]");
		}
		AotTrainingRun run = new AotTrainingRun(Integer.parseInt(args[0]));
		System.exit(run.run(Arrays.copyOfRange(args, 1, args.length)).asExpected() ? 0 : 1);
	}

	/**
	 * Starts the server, trains it and stops it.
	 * @param applicationArgs the server's arguments
	 * @return how the server answered
	 */
	TrainingResult run(String... applicationArgs) {
		SpringApplication application = new SpringApplication(VapiWebhookApplication.class);
		// the server's own main class, as in production (start-up log, temporary
		// directory)
		application.setMainApplicationClass(VapiWebhookApplication.class);
		try (ConfigurableApplicationContext context = application.run(applicationArgs)) {
			return train(context);
		}
	}

	/**
	 * Sends the requests to a running server.
	 * @param context the server's application context
	 * @return how the server answered
	 */
	TrainingResult train(ConfigurableApplicationContext context) {
		if (!(context instanceof WebServerApplicationContext web)) {
			throw new IllegalStateException("The training run needs a web server");
		}
		URI uri = URI.create(
				"http://127.0.0.1:" + web.getWebServer().getPort() + context.getBean(WebhookProperties.class).path());
		TrainingResult result = new TrainingClient(uri, context.getBean(SecurityProperties.class)).send(this.requests);
		logger.info("AOT training run: {} webhook requests answered {} (status: count), {} not as expected",
				this.requests, result.statuses(), result.unexpected());
		return result;
	}

}

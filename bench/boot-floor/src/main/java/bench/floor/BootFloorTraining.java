package bench.floor;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The training run of the bare controller's ahead-of-time cache, built like the server's:
 * a main class of its own that starts the application in its JVM, sends it REQUESTS
 * requests with the body in BODY_FILE over HTTP, stops it and exits (1 if an answer was not
 * 200). Run with: java -cp boot-floor-1.jar bench.floor.BootFloorTraining REQUESTS BODY_FILE
 * [application arguments]
 */
public final class BootFloorTraining {

	private BootFloorTraining() {
	}

	public static void main(String[] args) throws Exception {
		int requests = Integer.parseInt(args[0]);
		byte[] body = Files.readAllBytes(Path.of(args[1]));
		SpringApplication application = new SpringApplication(BootFloorApplication.class);
		application.setMainApplicationClass(BootFloorApplication.class);
		int failed = 0;
		try (ConfigurableApplicationContext context = application.run(Arrays.copyOfRange(args, 2, args.length))) {
			int port = ((WebServerApplicationContext) context).getWebServer().getPort();
			HttpClient client = HttpClient.newHttpClient();
			HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/vapi/webhook"))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofByteArray(body))
				.build();
			for (int i = 0; i < requests; i++) {
				failed += (client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) ? 0 : 1;
			}
		}
		System.out.println("training run: " + requests + " requests, " + failed + " not answered 200");
		System.exit((failed == 0) ? 0 : 1);
	}

}

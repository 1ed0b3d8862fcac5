package bench.floor;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The start-up floor: a Spring Boot web application with one endpoint that reads the body and
 * answers {@code {}}. With {@code --floor.training-requests=N} it sends itself N requests once it
 * is ready and exits, which is the training run for the JDK's ahead-of-time cache, as the
 * server's own {@code vapi.aot-training.requests} is.
 */
@SpringBootApplication
@RestController
public class BootFloorApplication {

	public static void main(String[] args) {
		SpringApplication.run(BootFloorApplication.class, args);
	}

	@PostMapping(path = "/vapi/webhook", produces = "application/json")
	public String webhook(@RequestBody byte[] body) {
		return "{}";
	}

	@EventListener
	public void train(ApplicationReadyEvent event) throws Exception {
		int requests = event.getApplicationContext().getEnvironment().getProperty("floor.training-requests",
				Integer.class, 0);
		if (requests <= 0) {
			return;
		}
		int port = ((WebServerApplicationContext) event.getApplicationContext()).getWebServer().getPort();
		HttpClient client = HttpClient.newHttpClient();
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/vapi/webhook"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"message\":{\"type\":\"tool-calls\"}}"))
			.build();
		for (int i = 0; i < requests; i++) {
			client.send(request, HttpResponse.BodyHandlers.discarding());
		}
		System.exit(SpringApplication.exit(event.getApplicationContext()));
	}

}

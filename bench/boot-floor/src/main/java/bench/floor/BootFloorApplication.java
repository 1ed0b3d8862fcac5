package bench.floor;

import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The bare Spring Boot controller of the benchmark: a Spring Boot web application with one
 * endpoint, on the server's webhook path, that parses the JSON body into a {@code Map} and
 * answers {@code {}}. It is both the start-up floor and the throughput and latency floor of
 * a JSON webhook on Spring MVC: bench/run.sh sends it the same signed requests as the server
 * (it ignores the headers). Its cache is trained by {@link BootFloorTraining}, as the server's
 * is by its own training run.
 */
@SpringBootApplication
@RestController
public class BootFloorApplication {

	public static void main(String[] args) {
		SpringApplication.run(BootFloorApplication.class, args);
	}

	@PostMapping(path = "/vapi/webhook", produces = "application/json")
	public Map<String, Object> webhook(@RequestBody Map<String, Object> message) {
		return Map.of();
	}

}

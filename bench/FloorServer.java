import java.net.InetSocketAddress;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpServer;

/**
 * The floor of the benchmark: a minimal JDK HTTP server that reads the request and answers "{}".
 * Run with: java bench/FloorServer.java PORT
 */
public class FloorServer {

	public static void main(String[] args) throws Exception {
		int port = Integer.parseInt(args[0]);
		byte[] reply = "{}".getBytes();
		HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 1024);
		server.createContext("/", (exchange) -> {
			exchange.getRequestBody().readAllBytes();
			exchange.getResponseHeaders().add("Content-Type", "application/json");
			exchange.sendResponseHeaders(200, reply.length);
			exchange.getResponseBody().write(reply);
			exchange.close();
		});
		server.setExecutor(Executors.newFixedThreadPool(4));
		server.start();
		System.out.println("floor server on " + port);
	}

}

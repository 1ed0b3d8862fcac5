package io.github.vapiwebhook.security;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

/**
 * One POST to the booted server over real HTTP, whatever its status, for the security
 * tests.
 *
 * @param status the status code
 * @param contentType the content type, or "null"
 * @param body the body text
 * @param headers the response headers, first value of each, names in any case
 */
record HttpExchange(int status, String contentType, String body, Map<String, String> headers) {

	/**
	 * Posts JSON to the webhook path.
	 * @param port the server port
	 * @param body the body
	 * @param headers the request headers
	 * @return what came back
	 */
	static HttpExchange postWebhook(int port, String body, Map<String, String> headers) {
		return post(port, "/vapi/webhook", MediaType.APPLICATION_JSON, body, headers);
	}

	/**
	 * Posts a body.
	 * @param port the server port
	 * @param path the path
	 * @param type the content type
	 * @param body the body
	 * @param headers the request headers
	 * @return what came back
	 */
	static HttpExchange post(int port, String path, MediaType type, String body, Map<String, String> headers) {
		return RestClient.create("http://127.0.0.1:" + port)
			.post()
			.uri(path)
			.contentType(type)
			.headers((http) -> headers.forEach(http::add))
			.body(body.getBytes(StandardCharsets.UTF_8))
			.exchange((request, response) -> new HttpExchange(response.getStatusCode().value(),
					String.valueOf(response.getHeaders().getContentType()),
					new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8),
					caseInsensitive(response.getHeaders().toSingleValueMap())));
	}

	private static Map<String, String> caseInsensitive(Map<String, String> headers) {
		Map<String, String> names = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
		names.putAll(headers);
		return names;
	}

}

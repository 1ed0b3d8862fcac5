package io.github.vapiwebhook.vapiapi;

import java.net.http.HttpClient;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/**
 * The calls of Vapi's REST API that the server needs, on Spring's {@link RestClient}:
 * point an assistant or a phone number at a server, create and update the custom
 * credential, and list, create and update tools. Vapi's own objects (an assistant's
 * {@code server}, a tool) are JSON trees, passed through as Vapi sends them. Every call
 * is retried on 429, 5xx and timeouts, a bounded number of times; a failure is a
 * {@link VapiApiException} that says what was wrong. The API key is sent as a bearer
 * token and appears in no message.
 */
public class VapiApiClient {

	private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,100}");

	private final RetryingExchange exchange;

	private final JsonMapper json;

	/**
	 * A client for Vapi's API.
	 * @param properties the base URL, timeouts and retries
	 * @param apiKey the organisation's private API key
	 */
	public VapiApiClient(VapiApiProperties properties, String apiKey) {
		this(properties, apiKey, Sleeper.THREAD, Clock.systemUTC());
	}

	VapiApiClient(VapiApiProperties properties, String apiKey, Sleeper sleeper, Clock clock) {
		if (apiKey.isBlank()) {
			throw new IllegalArgumentException("The Vapi API key must not be blank");
		}
		HttpClient http = HttpClient.newBuilder()
			.connectTimeout(properties.connectTimeout())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
		JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(http);
		requests.setReadTimeout(properties.readTimeout());
		RestClient client = RestClient.builder()
			.baseUrl(properties.baseUrl().toString())
			.requestFactory(requests)
			.defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + apiKey.strip())
			.build();
		this.json = JsonMapper.builder().build();
		this.exchange = new RetryingExchange(client, properties, sleeper, clock, this.json);
	}

	/**
	 * {@code GET /assistant/{id}}.
	 * @param id the assistant id
	 * @return the assistant
	 */
	public ObjectNode assistant(String id) {
		return object(HttpMethod.GET, "/assistant/" + segment(id), null, "assistant '" + id + "'");
	}

	/**
	 * {@code PATCH /assistant/{id}} with a new {@code server}.
	 * @param id the assistant id
	 * @param server the whole new server object (url, timeoutSeconds, credentialId, ...)
	 * @return the updated assistant
	 */
	public ObjectNode updateAssistantServer(String id, ObjectNode server) {
		return object(HttpMethod.PATCH, "/assistant/" + segment(id), withServer(server), "assistant '" + id + "'");
	}

	/**
	 * {@code GET /phone-number/{id}}.
	 * @param id the phone number id (not the number itself)
	 * @return the phone number
	 */
	public ObjectNode phoneNumber(String id) {
		return object(HttpMethod.GET, "/phone-number/" + segment(id), null, "phone number '" + id + "'");
	}

	/**
	 * {@code PATCH /phone-number/{id}} with a new {@code server}.
	 * @param id the phone number id
	 * @param server the whole new server object
	 * @return the updated phone number
	 */
	public ObjectNode updatePhoneNumberServer(String id, ObjectNode server) {
		return object(HttpMethod.PATCH, "/phone-number/" + segment(id), withServer(server),
				"phone number '" + id + "'");
	}

	/**
	 * {@code GET /credential}: the organisation's credentials (secrets as Vapi shows
	 * them).
	 * @return the credentials
	 */
	public List<ObjectNode> credentials() {
		return objects(HttpMethod.GET, "/credential", "the credential list");
	}

	/**
	 * {@code POST /credential}.
	 * @param credential the credential
	 * @return the created credential, with its {@code id}
	 */
	public ObjectNode createCredential(CustomCredential credential) {
		return object(HttpMethod.POST, "/credential", this.json.writeValueAsString(credential),
				"credential '" + credential.name() + "'");
	}

	/**
	 * {@code PATCH /credential/{id}}.
	 * @param id the credential id
	 * @param credential the new content
	 * @return the updated credential
	 */
	public ObjectNode updateCredential(String id, CustomCredential credential) {
		return object(HttpMethod.PATCH, "/credential/" + segment(id), this.json.writeValueAsString(credential),
				"credential '" + id + "'");
	}

	/**
	 * {@code GET /tool?limit=1000}: the organisation's tools, of every type.
	 * @return the tools
	 */
	public List<ObjectNode> tools() {
		return objects(HttpMethod.GET, "/tool?limit=1000", "the tool list");
	}

	/**
	 * {@code POST /tool}.
	 * @param tool the tool ({@code CreateFunctionToolDTO})
	 * @return the created tool, with its {@code id}
	 */
	public ObjectNode createTool(ObjectNode tool) {
		return object(HttpMethod.POST, "/tool", this.json.writeValueAsString(tool),
				"tool '" + tool.path("function").path("name").asString() + "'");
	}

	/**
	 * {@code PATCH /tool/{id}}.
	 * @param id the tool id
	 * @param tool the changed fields ({@code UpdateFunctionToolDTO})
	 * @return the updated tool
	 */
	public ObjectNode updateTool(String id, ObjectNode tool) {
		return object(HttpMethod.PATCH, "/tool/" + segment(id), this.json.writeValueAsString(tool),
				"tool '" + id + "'");
	}

	private String withServer(ObjectNode server) {
		ObjectNode body = this.json.createObjectNode();
		body.set("server", server);
		return this.json.writeValueAsString(body);
	}

	private ObjectNode object(HttpMethod method, String path, @Nullable String body, String subject) {
		JsonNode answer = read(method, path, body, subject);
		if (!answer.isObject()) {
			throw new VapiApiException("Vapi answered " + method + " " + path + " with no JSON object", 200);
		}
		return (ObjectNode) answer;
	}

	private List<ObjectNode> objects(HttpMethod method, String path, String subject) {
		JsonNode answer = read(method, path, null, subject);
		// the list endpoints answer an array; tolerate a paginated {"results": [...]}
		JsonNode items = answer.isArray() ? answer : answer.path("results");
		List<ObjectNode> list = new ArrayList<>();
		items.forEach((item) -> {
			if (item.isObject()) {
				list.add((ObjectNode) item);
			}
		});
		return list;
	}

	private JsonNode read(HttpMethod method, String path, @Nullable String body, String subject) {
		String text = this.exchange.send(new ApiRequest(method, path, body, subject));
		return text.isBlank() ? this.json.createObjectNode() : this.json.readTree(text);
	}

	// Vapi's ids are UUIDs: anything else would change the path
	private static String segment(String id) {
		if (!ID.matcher(id).matches()) {
			throw new IllegalArgumentException("'" + id + "' is not a Vapi id (letters, digits, '-' and '_')");
		}
		return id;
	}

}

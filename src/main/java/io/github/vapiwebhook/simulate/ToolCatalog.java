package io.github.vapiwebhook.simulate;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads tool definitions as GET /actuator/vapitools lists them (a JSON array of
 * {"type":"function","function":{...}}), from a URL or a file.
 */
final class ToolCatalog {

	private final JsonMapper mapper;

	ToolCatalog(JsonMapper mapper) {
		this.mapper = mapper;
	}

	/**
	 * The definitions in a file.
	 * @param file the file
	 * @return the definitions
	 */
	List<JsonNode> fromFile(Path file) {
		try {
			return definitions(this.mapper.readTree(file.toFile()), file.toString());
		}
		catch (JacksonException ex) {
			throw new InvalidInputException("Cannot read tools from " + file + ": " + ex.getOriginalMessage());
		}
	}

	/**
	 * The definitions a URL answers with.
	 * @param url the URL, such as the server's /actuator/vapitools
	 * @return the definitions
	 */
	List<JsonNode> fromUrl(URI url, @Nullable String token) {
		HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
		HttpRequest.Builder builder = HttpRequest.newBuilder(url)
			.timeout(Duration.ofSeconds(10))
			.header("Accept", "application/json")
			.GET();
		if (token != null && !token.isBlank()) {
			builder.header("Authorization", "Bearer " + token);
		}
		HttpRequest request = builder.build();
		try {
			HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() != 200) {
				throw new InvalidInputException("Cannot read tools from " + url + ": HTTP " + response.statusCode()
						+ ((response.statusCode() == 401) ? " (give the server's management token with --tools-token)"
								: ""));
			}
			return definitions(this.mapper.readTree(response.body()), url.toString());
		}
		catch (IOException | JacksonException ex) {
			throw new InvalidInputException("Cannot read tools from " + url + ": " + ex.getMessage());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new InvalidInputException("Interrupted while reading tools from " + url);
		}
	}

	private static List<JsonNode> definitions(JsonNode json, String source) {
		if (!json.isArray()) {
			throw new InvalidInputException("Tools from " + source + " are not a JSON array of tool definitions");
		}
		List<JsonNode> tools = new ArrayList<>();
		for (JsonNode tool : json) {
			if (!tool.path("function").path("name").isString()) {
				throw new InvalidInputException("A tool from " + source + " has no function.name");
			}
			tools.add(tool);
		}
		return tools;
	}

}

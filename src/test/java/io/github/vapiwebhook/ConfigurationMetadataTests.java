package io.github.vapiwebhook;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The configuration metadata that IDEs show for the vapi.* keys, as the build generated
 * it from the properties records' Javadoc.
 */
class ConfigurationMetadataTests {

	@Test
	void everyVapiPropertyHasAPlainTextDescription() throws IOException {
		List<JsonNode> properties = vapiProperties();
		assertThat(properties).hasSizeGreaterThan(50);
		assertThat(properties).allSatisfy((property) -> {
			String name = property.get("name").asString();
			String description = property.path("description").asString("");
			assertThat(description).as(name).isNotBlank().doesNotContain("{@").doesNotContain("<code>");
		});
	}

	private static List<JsonNode> vapiProperties() throws IOException {
		JsonMapper mapper = new JsonMapper();
		List<JsonNode> properties = new ArrayList<>();
		for (URL url : Collections.list(ConfigurationMetadataTests.class.getClassLoader()
			.getResources("META-INF/spring-configuration-metadata.json"))) {
			try (InputStream in = url.openStream()) {
				for (JsonNode property : mapper.readTree(in).path("properties")) {
					if (property.path("sourceType").asString("").startsWith("io.github.vapiwebhook.")) {
						properties.add(property);
					}
				}
			}
		}
		return properties;
	}

}

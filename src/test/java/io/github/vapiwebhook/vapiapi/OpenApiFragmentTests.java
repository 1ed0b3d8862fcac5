package io.github.vapiwebhook.vapiapi;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The committed schema fragment still says what Vapi's full openapi.json says, when the
 * full document is at hand (../shared/vapi/openapi.json, or the path in the VAPI_OPENAPI
 * environment variable); skipped otherwise, as on CI.
 */
class OpenApiFragmentTests {

	private JsonNode full;

	private final SchemaFragment fragment = SchemaFragment.load();

	@BeforeEach
	void loadFullDocument() {
		Path path = Path.of(System.getProperty("vapi.openapi", "../shared/vapi/openapi.json"));
		assumeTrue(Files.isRegularFile(path), "Vapi's openapi.json is not at " + path.toAbsolutePath());
		this.full = JsonMapper.builder().build().readTree(path.toFile()).path("components").path("schemas");
	}

	@Test
	void everyPropertyOfTheFragmentHasTheSameTypeAndValuesInTheFullDocument() {
		for (String name : this.fragment.schemas().propertyNames()) {
			JsonNode ours = this.fragment.schemas().path(name);
			JsonNode theirs = this.full.path(name);
			assertThat(theirs.isObject()).as("schema %s", name).isTrue();
			for (String property : ours.path("properties").propertyNames()) {
				JsonNode mine = ours.path("properties").path(property);
				JsonNode original = theirs.path("properties").path(property);
				assertThat(original.isObject()).as("%s.%s", name, property).isTrue();
				assertThat(original.path("type")).as("%s.%s type", name, property).isEqualTo(mine.path("type"));
				assertThat(original.path("enum")).as("%s.%s enum", name, property).isEqualTo(mine.path("enum"));
			}
		}
	}

	@Test
	void completeSchemasOfTheFragmentHaveTheSamePropertiesAndRequiredOnes() {
		for (String name : this.fragment.schemas().propertyNames()) {
			JsonNode ours = this.fragment.schemas().path(name);
			JsonNode theirs = this.full.path(name);
			assertThat(names(theirs.path("required"))).as("%s required", name)
				.containsAll(names(ours.path("required")));
			if (!ours.path("x-partial").asBoolean(false)) {
				assertThat(theirs.path("properties").propertyNames()).as("%s properties", name)
					.containsExactlyInAnyOrderElementsOf(ours.path("properties").propertyNames());
				assertThat(names(theirs.path("required"))).as("%s required", name)
					.isEqualTo(names(ours.path("required")));
			}
		}
	}

	private static Set<String> names(JsonNode array) {
		Set<String> names = new HashSet<>();
		array.forEach((item) -> names.add(item.asString()));
		return names;
	}

}

package io.github.vapiwebhook.tools;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.StringNode;

import static org.assertj.core.api.Assertions.assertThat;

class ToolCallFingerprinterTests {

	private final JsonMapper mapper = JsonMapper.builder().build();

	private final ToolArguments arguments = new ToolArguments(this.mapper);

	private final ToolCallFingerprinter fingerprinter = new ToolCallFingerprinter();

	@Test
	void isTheSha256OfTheToolNameAndTheArgumentsWithSortedProperties() {
		assertThat(fingerprint("book", "{\"time\": \"10:30\", \"date\": \"2026-03-02\"}"))
			.isEqualTo("6111369826302410fb8ba9e923deaea2748bbf12f6d5a69a3d38e294bcc8ca6e");
	}

	@Test
	void ignoresThePropertyOrderOfNestedObjects() {
		assertThat(fingerprint("book",
				"{\"who\": {\"last\": \"L\", \"first\": \"A\"}, \"slots\": [{\"b\": 1, \"a\": 2}]}"))
			.isEqualTo(fingerprint("book",
					"{\"slots\": [{\"a\": 2, \"b\": 1}], \"who\": {\"first\": \"A\", \"last\": \"L\"}}"));
	}

	@Test
	void argumentsSentAsAJsonStringHaveTheFingerprintOfTheObject() {
		ObjectNode fromString = this.arguments.read(StringNode.valueOf("{\"date\":\"2026-03-02\",\"time\":\"10:30\"}"));
		assertThat(this.fingerprinter.fingerprint("book", fromString))
			.isEqualTo(fingerprint("book", "{\"time\": \"10:30\", \"date\": \"2026-03-02\"}"));
	}

	@Test
	void differsForAnotherToolOrOtherArguments() {
		String booking = fingerprint("book", "{\"date\": \"2026-03-02\"}");
		assertThat(fingerprint("cancel", "{\"date\": \"2026-03-02\"}")).isNotEqualTo(booking);
		assertThat(fingerprint("book", "{\"date\": \"2026-03-09\"}")).isNotEqualTo(booking);
		assertThat(fingerprint("book", "{\"date\": \"2026-03-02\", \"notes\": null}")).isNotEqualTo(booking);
		assertThat(fingerprint("book", "{\"date\": [\"2026-03-02\"]}")).isNotEqualTo(booking);
	}

	@Test
	void holdsNoArgumentValues() {
		assertThat(fingerprint("book", "{\"name\": \"Ada Lovelace\"}")).matches("[0-9a-f]{64}").doesNotContain("Ada");
	}

	private String fingerprint(String toolName, String json) {
		return this.fingerprinter.fingerprint(toolName, (ObjectNode) this.mapper.readTree(json));
	}

}

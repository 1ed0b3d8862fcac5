package io.github.vapiwebhook.reply;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.skyscreamer.jsonassert.JSONAssert;
import org.skyscreamer.jsonassert.JSONCompareMode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class KnowledgeBaseReplyTests {

	private final JsonMapper mapper = JsonMapper.builder().build();

	@Test
	void documentsCarryContentSimilarityAndOptionalUuid() throws Exception {
		assertJson(
				KnowledgeBaseReply.documents(List.of(new KnowledgeBaseReply.Document("We open at 8.", 0.92, "doc-1"),
						new KnowledgeBaseReply.Document("Parking is free.", 0.41, null))),
				"{\"documents\":[{\"content\":\"We open at 8.\",\"similarity\":0.92,\"uuid\":\"doc-1\"},"
						+ "{\"content\":\"Parking is free.\",\"similarity\":0.41}]}");
	}

	@Test
	void directAnswerUsesTheSpecCustomMessage() throws Exception {
		assertJson(KnowledgeBaseReply.say("We open at eight."),
				"{\"documents\":[],\"message\":{\"type\":\"custom-message\",\"content\":\"We open at eight.\"}}");
	}

	@Test
	void rejectsTooLongOrBlankMessage() {
		assertThatIllegalArgumentException().isThrownBy(() -> KnowledgeBaseReply.say("x".repeat(1001)));
		assertThatIllegalArgumentException().isThrownBy(() -> KnowledgeBaseReply.say(""));
		assertThatIllegalArgumentException().isThrownBy(() -> new KnowledgeBaseReply.CustomMessage("text", "hi"));
	}

	private void assertJson(Object reply, String expected) throws Exception {
		JSONAssert.assertEquals(expected, this.mapper.writeValueAsString(reply), JSONCompareMode.STRICT);
	}

}

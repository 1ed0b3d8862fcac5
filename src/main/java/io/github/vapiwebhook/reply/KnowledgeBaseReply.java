package io.github.vapiwebhook.reply;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * The reply to a {@code knowledge-base-request}: documents passed to the model, and/or a
 * message spoken directly instead of asking the model.
 *
 * @param documents the documents, best first
 * @param message a message to speak directly, in the spec's {@code CustomMessage} form
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record KnowledgeBaseReply(List<Document> documents, @Nullable CustomMessage message) {

	public KnowledgeBaseReply {
		documents = List.copyOf(documents);
	}

	/**
	 * Documents for the model.
	 * @param documents the documents
	 * @return the reply
	 */
	public static KnowledgeBaseReply documents(List<Document> documents) {
		return new KnowledgeBaseReply(documents, null);
	}

	/**
	 * Speak a message directly, without the model.
	 * @param content the text, at most 1000 characters
	 * @return the reply
	 */
	public static KnowledgeBaseReply say(String content) {
		return new KnowledgeBaseReply(List.of(), new CustomMessage("custom-message", content));
	}

	/**
	 * A document for the model.
	 *
	 * @param content the text
	 * @param similarity how well it matches, higher is better
	 * @param uuid an id for the document
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record Document(String content, double similarity, @Nullable String uuid) {
	}

	/**
	 * A message spoken directly.
	 *
	 * @param type always {@code custom-message}
	 * @param content the text, at most 1000 characters
	 */
	public record CustomMessage(String type, String content) {

		public CustomMessage {
			if (!"custom-message".equals(type) || content.isBlank() || content.length() > 1000) {
				throw new IllegalArgumentException("A custom message has 1 to 1000 characters");
			}
		}

	}

}

package io.github.vapiwebhook.reply;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON Schema fragment of Vapi's assistant-request reply with a transient assistant
 * ({@code vapi/assistant-request-reply.schema.json}, written from Vapi's OpenAPI
 * document), and a real validator for it. Public for the README's example in a package of
 * its own.
 */
public final class AssistantRequestReplySchema {

	static final String RESOURCE = "/vapi/assistant-request-reply.schema.json";

	private final JsonNode document;

	private final Schema schema;

	/**
	 * Reads the fragment from the test class path.
	 */
	public AssistantRequestReplySchema() {
		try (InputStream in = AssistantRequestReplySchema.class.getResourceAsStream(RESOURCE)) {
			if (in == null) {
				throw new IllegalStateException("No " + RESOURCE + " on the test class path");
			}
			this.document = JsonMapper.shared().readTree(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(this.document);
	}

	/**
	 * The fragment itself.
	 * @return the schema document
	 */
	JsonNode document() {
		return this.document;
	}

	/**
	 * Validates a whole reply ({@code {"assistant": {...}}}).
	 * @param reply the reply
	 * @return the errors, as text; empty when the reply is valid
	 */
	public List<String> errorsOf(JsonNode reply) {
		return this.schema.validate(reply).stream().map(Error::toString).toList();
	}

	/**
	 * Validates a transient assistant as the reply would carry it.
	 * @param assistant the assistant
	 * @return the errors, as text; empty when the assistant is valid
	 */
	public List<String> errorsOf(TransientAssistant assistant) {
		return errorsOf(JsonMapper.shared().valueToTree(AssistantRequestReply.assistant(assistant)));
	}

}

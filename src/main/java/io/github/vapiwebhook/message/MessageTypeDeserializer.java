package io.github.vapiwebhook.message;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.std.StdDeserializer;

/**
 * Reads {@code message.type}, which must be a JSON string: Jackson would otherwise turn a
 * number or a boolean into a string, and a message with {@code "type": 7} would pass as
 * an unknown type instead of being refused.
 */
class MessageTypeDeserializer extends StdDeserializer<String> {

	static final String MISSING = "'message.type' is missing or not a string";

	MessageTypeDeserializer() {
		super(String.class);
	}

	@Override
	public String deserialize(JsonParser parser, DeserializationContext context) {
		if (parser.currentToken() != JsonToken.VALUE_STRING) {
			throw new InvalidMessageException(MISSING);
		}
		return parser.getString();
	}

}

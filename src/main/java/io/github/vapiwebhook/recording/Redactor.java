package io.github.vapiwebhook.recording;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Replaces personal data and conversation text in a message with "[redacted]", keeping
 * the structure (and every id) so that the message can still be replayed. Redacted are
 * the string values of: phone numbers, SIP URIs, caller ids and email addresses wherever
 * they appear (by key, and any string that looks like a phone number or an email address:
 * a plus sign and digits, or three, three and four digits); names of the customer and of
 * a campaign contact; transcripts, summaries, conversation messages and their content,
 * tool results, spoken text and voice input; presigned URLs, which open the recordings
 * without a key; and, in tool call arguments, every value whose key mentions a name,
 * phone, email, number or address.
 */
final class Redactor {

	static final String REDACTED = "[redacted]";

	private static final Set<String> PERSONAL = Set.of("number", "phonenumber", "email", "sipuri", "callerid",
			"transcript", "originaltranscript", "summary", "message", "content", "result", "text", "input",
			"endedmessage");

	private static final Set<String> PEOPLE = Set.of("customer", "contact");

	private static final Set<String> ARGUMENTS = Set.of("arguments", "parameters");

	private static final Pattern ARGUMENT_KEY = Pattern.compile(".*(name|phone|email|number|address).*");

	private static final Pattern PHONE_OR_EMAIL = Pattern.compile(
			"\\+[0-9][0-9 ().-]{6,}[0-9]|\\(?[0-9]{3}\\)?[ .-]?[0-9]{3}[ .-][0-9]{4}|[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

	/**
	 * Redacts a message in place.
	 * @param node the message (or any part of it)
	 */
	void redact(JsonNode node) {
		redact(node, "");
	}

	private void redact(JsonNode node, String key) {
		if (node instanceof ObjectNode object) {
			for (Map.Entry<String, JsonNode> entry : List.copyOf(object.properties())) {
				String name = entry.getKey();
				JsonNode value = entry.getValue();
				// arguments as a JSON string (OpenAI format) are redacted whole: not
				// worth parsing
				if (value.isString() && (redacts(key, name, value.asString()) || ARGUMENTS.contains(lower(name)))) {
					object.put(name, REDACTED);
				}
				else {
					redact(value, ARGUMENTS.contains(lower(key)) ? key : name);
				}
			}
		}
		else if (node instanceof ArrayNode array) {
			for (int i = 0; i < array.size(); i++) {
				JsonNode item = array.get(i);
				if (item.isString() && PHONE_OR_EMAIL.matcher(item.asString()).matches()) {
					array.set(i, JsonNodeFactory.instance.stringNode(REDACTED));
				}
				else {
					redact(item, key);
				}
			}
		}
	}

	private static boolean redacts(String parent, String name, String value) {
		String lower = lower(name);
		return PERSONAL.contains(lower) || lower.startsWith("presigned")
				|| (PEOPLE.contains(lower(parent)) && "name".equals(lower))
				|| (ARGUMENTS.contains(lower(parent)) && ARGUMENT_KEY.matcher(lower).matches())
				|| PHONE_OR_EMAIL.matcher(value).matches();
	}

	private static String lower(String name) {
		return name.toLowerCase(Locale.ROOT);
	}

}

package io.github.vapiwebhook.recording;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Replaces personal data and conversation text in a message with "[redacted]", keeping
 * the structure (and every id) so that the message can still be replayed. Redacted are
 * the string values of: phone numbers, SIP URIs, caller ids and email addresses by key
 * (and a phone number sent as a JSON number of 7 or more digits); every string that
 * contains a phone number (7 or more digits, which spaces, dashes, dots or parentheses
 * may separate, after an optional plus sign; dates and ids excepted), a tel: or sip: URI
 * or an email address anywhere in it; names of customers and campaign contacts;
 * transcripts, summaries, conversation messages and their content, tool results, model
 * output, spoken text and voice input; presigned URLs, which open the recordings without
 * a key; and, in tool call arguments, every value whose key mentions a name, phone,
 * email, number or address.
 */
final class Redactor {

	static final String REDACTED = "[redacted]";

	/** Keys (lower case, without "_" and "-") whose string values are redacted. */
	private static final Set<String> PERSONAL = Set.of("number", "phonenumber", "phone", "mobile", "mobilenumber",
			"telephone", "email", "emailaddress", "sipuri", "callerid", "transcript", "originaltranscript", "summary",
			"message", "content", "result", "text", "input", "endedmessage");

	/** Keys whose value, when a JSON number of 7 or more digits, is a phone number. */
	private static final Set<String> PHONE_KEYS = Set.of("number", "phonenumber", "phone", "mobile", "mobilenumber",
			"telephone", "callerid");

	/** Keys whose every string value beneath is conversation text. */
	private static final Set<String> CONVERSATION = Set.of("output");

	private static final Set<String> PEOPLE = Set.of("customer", "customers", "contact", "contacts");

	private static final Set<String> ARGUMENTS = Set.of("arguments", "parameters");

	private static final Pattern ARGUMENT_KEY = Pattern.compile(".*(name|phone|email|number|address|mobile).*");

	/**
	 * A phone number candidate: a digit after an optional plus sign or parenthesis,
	 * digits and separators, a digit; not part of a word, an id or a dashed run of digits
	 * (a UUID's digit-only part).
	 */
	private static final Pattern PHONE = Pattern.compile("(?<![\\w.-])\\+?\\(?[0-9][0-9 ().-]{5,}[0-9](?![\\w-])");

	/** Digits that are a date (and an hour) or an all-digit UUID, not a phone number. */
	private static final Pattern NOT_A_PHONE = Pattern
		.compile("([0-9]{4}[.-][0-9]{1,2}[.-][0-9]{1,2}|[0-9]{1,2}[.-][0-9]{1,2}[.-][0-9]{4})( [0-9]{1,2})?"
				+ "|[0-9]{8}-[0-9]{4}-[0-9]{4}-[0-9]{4}-[0-9]{12}");

	private static final Pattern URI_OR_EMAIL = Pattern
		.compile("(?i)\\b(tel|sip|sips):\\S|[\\w.+-]+@[\\w-]+(\\.[\\w-]+)+");

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
				else if (value.isIntegralNumber() && PHONE_KEYS.contains(lower(name))
						&& value.asString().replace("-", "").length() >= 7) {
					object.put(name, REDACTED);
				}
				else if (CONVERSATION.contains(lower(name))) {
					redactStrings(value);
				}
				else {
					redact(value, ARGUMENTS.contains(lower(key)) ? key : name);
				}
			}
		}
		else if (node instanceof ArrayNode array) {
			for (int i = 0; i < array.size(); i++) {
				JsonNode item = array.get(i);
				if (item.isString() && containsPersonalData(item.asString())) {
					array.set(i, JsonNodeFactory.instance.stringNode(REDACTED));
				}
				else {
					redact(item, key);
				}
			}
		}
	}

	private void redactStrings(JsonNode node) {
		if (node instanceof ObjectNode object) {
			for (Map.Entry<String, JsonNode> entry : List.copyOf(object.properties())) {
				if (entry.getValue().isString()) {
					object.put(entry.getKey(), REDACTED);
				}
				else {
					redactStrings(entry.getValue());
				}
			}
		}
		else if (node instanceof ArrayNode array) {
			for (int i = 0; i < array.size(); i++) {
				if (array.get(i).isString()) {
					array.set(i, JsonNodeFactory.instance.stringNode(REDACTED));
				}
				else {
					redactStrings(array.get(i));
				}
			}
		}
	}

	private static boolean redacts(String parent, String name, String value) {
		String lower = lower(name);
		return PERSONAL.contains(lower) || CONVERSATION.contains(lower) || lower.startsWith("presigned")
				|| (PEOPLE.contains(lower(parent)) && "name".equals(lower))
				|| (ARGUMENTS.contains(lower(parent)) && ARGUMENT_KEY.matcher(lower).matches())
				|| containsPersonalData(value);
	}

	/**
	 * Whether a string holds a phone number, a tel: or sip: URI or an email address
	 * anywhere in it.
	 * @param value the string
	 * @return whether it is to be redacted
	 */
	static boolean containsPersonalData(String value) {
		if (URI_OR_EMAIL.matcher(value).find()) {
			return true;
		}
		Matcher phone = PHONE.matcher(value);
		while (phone.find()) {
			String candidate = phone.group();
			if (digits(candidate) >= 7 && !NOT_A_PHONE.matcher(candidate).matches()) {
				return true;
			}
		}
		return false;
	}

	private static int digits(String text) {
		int count = 0;
		for (int i = 0; i < text.length(); i++) {
			if (text.charAt(i) >= '0' && text.charAt(i) <= '9') {
				count++;
			}
		}
		return count;
	}

	/** A key in lower case without "_" and "-", so that phone_number is phonenumber. */
	private static String lower(String name) {
		return name.toLowerCase(Locale.ROOT).replace("_", "").replace("-", "");
	}

}

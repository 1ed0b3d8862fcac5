package io.github.vapiwebhook.observability;

/**
 * Escapes control characters in a value from a request before it is written into a log
 * line, so that a value cannot end the line and forge the next one: CR, LF and tab become
 * {@code \r}, {@code \n} and {@code \t}, the other control characters (and the Unicode
 * line and paragraph separators) a Java-style Unicode escape of four hex digits.
 * Backslashes are left alone, so ordinary values (paths, ids) print unchanged. A plain
 * object for the same reason as {@link LogRedactor}.
 */
final class ControlCharacterEscaper {

	private static final char[] HEX = "0123456789abcdef".toCharArray();

	String escape(String text) {
		int first = firstToEscape(text);
		if (first < 0) {
			return text;
		}
		StringBuilder escaped = new StringBuilder(text.length() + 16).append(text, 0, first);
		for (int i = first; i < text.length(); i++) {
			char c = text.charAt(i);
			if (needsEscaping(c)) {
				appendEscaped(escaped, c);
			}
			else {
				escaped.append(c);
			}
		}
		return escaped.toString();
	}

	private static void appendEscaped(StringBuilder escaped, char c) {
		if (c == '\r') {
			escaped.append("\\r");
		}
		else if (c == '\n') {
			escaped.append("\\n");
		}
		else if (c == '\t') {
			escaped.append("\\t");
		}
		else {
			escaped.append("\\u")
				.append(HEX[c >> 12])
				.append(HEX[(c >> 8) & 0xF])
				.append(HEX[(c >> 4) & 0xF])
				.append(HEX[c & 0xF]);
		}
	}

	private static int firstToEscape(String text) {
		for (int i = 0; i < text.length(); i++) {
			if (needsEscaping(text.charAt(i))) {
				return i;
			}
		}
		return -1;
	}

	private static boolean needsEscaping(char c) {
		return c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == 0x2028 || c == 0x2029;
	}

}

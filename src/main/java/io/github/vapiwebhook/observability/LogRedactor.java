package io.github.vapiwebhook.observability;

import java.util.regex.Pattern;

/**
 * Masks phone numbers and email addresses in log text. Used by the log encoders, which
 * logging creates before any bean exists; hence a plain object rather than a bean.
 */
final class LogRedactor {

	private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}");

	private static final Pattern PHONE = Pattern
		.compile("\\+\\d[\\d ().-]{5,}\\d|\\(?\\b\\d{3}\\)?[ .-]\\d{3}[ .-]\\d{4}\\b|\\bsips?:[^\\s\"',;]+");

	String redact(String text) {
		if (text.indexOf('@') < 0 && !containsDigitRun(text) && !text.contains("sip")) {
			return text;
		}
		String masked = EMAIL.matcher(text).replaceAll("[redacted-email]");
		return PHONE.matcher(masked).replaceAll("[redacted-phone]");
	}

	private static boolean containsDigitRun(String text) {
		int run = 0;
		for (int i = 0; i < text.length(); i++) {
			run = Character.isDigit(text.charAt(i)) ? run + 1 : (text.charAt(i) == ' ' || text.charAt(i) == '-'
					|| text.charAt(i) == '.' || text.charAt(i) == '(' || text.charAt(i) == ')') ? run : 0;
			if (run >= 7) {
				return true;
			}
		}
		return false;
	}

}

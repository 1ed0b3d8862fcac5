package io.github.vapiwebhook.docs;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The tagged regions of a source file, read as Asciidoctor reads them: the lines between
 * {@code // tag::name[]} and {@code // end::name[]}; several regions of one name are one
 * snippet (joined by an empty line), and the tag lines of other regions inside it are
 * left out. Each region loses the indentation its lines have in common, and trailing
 * whitespace.
 */
final class SourceRegions {

	private static final Pattern TAG = Pattern.compile("^\\s*//\\s*(tag|end)::([\\w.-]+)\\[\\]\\s*$");

	private final List<String> lines;

	SourceRegions(String source) {
		this.lines = source.lines().toList();
	}

	/**
	 * The snippet of a tag.
	 * @param name the tag
	 * @return the text of its regions, or null when the source has no such tag
	 */
	String snippet(String name) {
		List<String> regions = new ArrayList<>();
		List<String> region = null;
		for (String line : this.lines) {
			Matcher tag = TAG.matcher(line);
			if (tag.matches()) {
				if (tag.group(2).equals(name) && tag.group(1).equals("tag")) {
					region = new ArrayList<>();
				}
				else if (tag.group(2).equals(name) && region != null) {
					regions.add(dedent(region));
					region = null;
				}
			}
			else if (region != null) {
				region.add(line.stripTrailing());
			}
		}
		if (region != null) {
			throw new IllegalStateException("tag::" + name + "[] has no end::" + name + "[]");
		}
		return regions.isEmpty() ? null : String.join("\n\n", regions);
	}

	private static String dedent(List<String> region) {
		String indent = null;
		for (String line : region) {
			if (!line.isBlank()) {
				String own = line.substring(0, line.length() - line.stripLeading().length());
				indent = (indent == null) ? own : commonPrefix(indent, own);
			}
		}
		int cut = (indent != null) ? indent.length() : 0;
		List<String> out = region.stream().map((line) -> line.isBlank() ? "" : line.substring(cut)).toList();
		return String.join("\n", out).strip();
	}

	private static String commonPrefix(String a, String b) {
		int length = 0;
		while (length < Math.min(a.length(), b.length()) && a.charAt(length) == b.charAt(length)) {
			length++;
		}
		return a.substring(0, length);
	}

}

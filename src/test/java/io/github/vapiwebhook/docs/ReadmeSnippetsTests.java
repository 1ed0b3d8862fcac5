package io.github.vapiwebhook.docs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every Java snippet of the README is a region of a real source file under src/test, so
 * that it compiles (and the test example runs) as shown. A {@code ```java} block is
 * preceded by {@code <!-- snippet: path#tag -->} and must be exactly the text of that
 * region ({@link SourceRegions}); the sources keep the formatter's tabs, and so does the
 * README. Wherever the blocks are in the README, they are found.
 */
class ReadmeSnippetsTests {

	private static final Path README = Path.of("README.md");

	private static final Pattern MARKER = Pattern.compile("^<!-- snippet: (\\S+)#([\\w.-]+) -->$");

	@Test
	void everyJavaSnippetNamesTheSourceItIsTakenFrom() throws IOException {
		List<Block> blocks = blocks();
		assertThat(blocks).as("Java blocks in the README").hasSizeGreaterThanOrEqualTo(7);
		assertThat(blocks.stream().filter((block) -> block.source() == null).map(Block::line))
			.as("README lines of Java blocks without a <!-- snippet: path#tag --> line before them")
			.isEmpty();
	}

	@TestFactory
	Stream<DynamicTest> everyJavaSnippetIsTheRegionOfItsSource() throws IOException {
		return blocks().stream()
			.filter((block) -> block.source() != null)
			.map((block) -> DynamicTest.dynamicTest(
					"README line " + block.line() + ": " + block.source() + "#" + block.tag(),
					() -> assertThat(block.text()).isEqualTo(region(block))));
	}

	@Test
	void regionsAreReadAsAsciidoctorReadsTags() {
		String source = """
				package com.acme;

				// tag::example[]
				import java.util.List;
				// end::example[]

				class Example {

					List<String> names() {
						// tag::example[]
						// tag::inner[]
						return List.of("a",
								"b");
						// end::inner[]
						// end::example[]
					}

				}
				""";
		SourceRegions regions = new SourceRegions(source);
		assertThat(regions.snippet("example"))
			.isEqualTo("import java.util.List;\n\nreturn List.of(\"a\",\n\t\t\"b\");");
		assertThat(regions.snippet("inner")).isEqualTo("return List.of(\"a\",\n\t\t\"b\");");
		assertThat(regions.snippet("missing")).isNull();
	}

	private static String region(Block block) throws IOException {
		Path source = Path.of(block.source());
		assertThat(source).as("the source of the snippet at README line " + block.line()).isRegularFile();
		String region = new SourceRegions(Files.readString(source)).snippet(block.tag());
		assertThat(region).as("tag::" + block.tag() + "[] in " + source).isNotNull();
		return region;
	}

	private static List<Block> blocks() throws IOException {
		List<String> lines = Files.readAllLines(README);
		List<Block> blocks = new ArrayList<>();
		for (int i = 0; i < lines.size(); i++) {
			if (!lines.get(i).strip().equals("```java")) {
				continue;
			}
			int start = i;
			List<String> text = new ArrayList<>();
			for (i++; i < lines.size() && !lines.get(i).strip().equals("```"); i++) {
				text.add(lines.get(i).stripTrailing());
			}
			Matcher marker = MARKER.matcher(previousText(lines, start));
			boolean marked = marker.matches();
			blocks.add(new Block(start + 1, marked ? marker.group(1) : null, marked ? marker.group(2) : null,
					String.join("\n", text).strip()));
		}
		return blocks;
	}

	private static String previousText(List<String> lines, int index) {
		for (int i = index - 1; i >= 0; i--) {
			if (!lines.get(i).isBlank()) {
				return lines.get(i).strip();
			}
		}
		return "";
	}

	/**
	 * A Java block of the README.
	 *
	 * @param line its opening fence's line number
	 * @param source the source file it is taken from, relative to the project, or null
	 * @param tag the region's tag, or null
	 * @param text the block's text
	 */
	record Block(int line, String source, String tag, String text) {

	}

}

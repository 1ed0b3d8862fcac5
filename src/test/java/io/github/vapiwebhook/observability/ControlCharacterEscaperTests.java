package io.github.vapiwebhook.observability;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ControlCharacterEscaperTests {

	private final ControlCharacterEscaper escaper = new ControlCharacterEscaper();

	@Test
	void escapesLineBreaksAndTabsReadably() {
		assertThat(this.escaper.escape("call-1\r\n2026-01-01 INFO forged\tline"))
			.isEqualTo("call-1\\r\\n2026-01-01 INFO forged\\tline");
	}

	@Test
	void escapesOtherControlCharactersAndLineSeparatorsAsUnicodeEscapes() {
		assertThat(this.escaper.escape("bell\u0007 escape\u001b[31m next-line\u0085 separator\u2028 delete\u007f"))
			.isEqualTo("bell\\u0007 escape\\u001b[31m next-line\\u0085 separator\\u2028 delete\\u007f");
	}

	@Test
	void returnsAValueWithoutControlCharactersAsItIs() {
		String value = "call 5f1c9a7e-1d2b-4c3a, C:\\temp\\n.txt, café";
		assertThat(this.escaper.escape(value)).isSameAs(value);
	}

}

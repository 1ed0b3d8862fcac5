package io.github.vapiwebhook.observability;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LogRedactorTests {

	private final LogRedactor redactor = new LogRedactor();

	@Test
	void masksE164PhoneNumbers() {
		assertThat(this.redactor.redact("calling +15551234567 now")).isEqualTo("calling [redacted-phone] now");
		assertThat(this.redactor.redact("calling +44 20 7946 0958.")).doesNotContain("7946");
	}

	@Test
	void masksFormattedNationalNumbers() {
		assertThat(this.redactor.redact("call (555) 123-4567 back")).doesNotContain("123-4567");
		assertThat(this.redactor.redact("call 555-123-4567 back")).doesNotContain("123-4567");
	}

	@Test
	void masksEmailAddressesAndSipUris() {
		assertThat(this.redactor.redact("mail jane.doe@example.com please")).isEqualTo("mail [redacted-email] please");
		assertThat(this.redactor.redact("dial sip:jane@pbx.example.com")).doesNotContain("jane");
	}

	@Test
	void leavesIdsTimestampsAndDurationsAlone() {
		String line = "call 5f1c9a7e-1d2b-4c3a-9e8f-0a1b2c3d4e5f at 1727030665008 took 6500 ms";
		assertThat(this.redactor.redact(line)).isEqualTo(line);
	}

}

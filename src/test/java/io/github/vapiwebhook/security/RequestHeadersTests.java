package io.github.vapiwebhook.security;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

class RequestHeadersTests {

	@Test
	void looksNamesUpCaseInsensitivelyAndGivesTheFirstValue() {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/vapi/webhook");
		request.addHeader("X-Signature", "abc");
		request.addHeader("X-Signature", "second");
		RequestHeaders headers = new RequestHeaders(request);
		assertThat(headers.get("x-signature")).isEqualTo("abc");
		assertThat(headers.get("X-SIGNATURE")).isEqualTo("abc");
		assertThat(headers.containsKey("x-signature")).isTrue();
		assertThat(headers.get("x-timestamp")).isNull();
		assertThat(headers.containsKey("x-timestamp")).isFalse();
	}

	@Test
	void iteratingGivesEveryHeaderOnce() {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/vapi/webhook");
		request.addHeader("X-Signature", "abc");
		request.addHeader("X-Timestamp", "1700000000");
		assertThat(new RequestHeaders(request)).containsOnly(entry("X-Signature", "abc"),
				entry("X-Timestamp", "1700000000"));
	}

	@Test
	void verificationRequestKeepsTheLookupInsteadOfCopyingIt() {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/vapi/webhook");
		request.addHeader("Authorization", "Bearer t");
		RequestHeaders headers = new RequestHeaders(request);
		VerificationRequest verification = new VerificationRequest("POST", "", headers, null);
		assertThat(verification.headers()).isSameAs(headers);
		assertThat(verification.header("authorization")).isEqualTo("Bearer t");
	}

}

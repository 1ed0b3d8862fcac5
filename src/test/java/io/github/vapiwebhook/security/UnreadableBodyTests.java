package io.github.vapiwebhook.security;

import java.util.List;

import io.github.vapiwebhook.webhook.ProblemResponses;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The filter on its own: a request that did not pass the body filter has no raw bytes to
 * verify and is refused, even when it carries a valid secret.
 */
class UnreadableBodyTests {

	@Test
	void rejectsRequestThatBypassedTheBodyFilter() throws Exception {
		SimpleMeterRegistry meters = new SimpleMeterRegistry();
		SignatureVerificationFilter filter = new SignatureVerificationFilter(
				new WebhookAuthenticator(List.of(new SharedSecretVerifier(List.of("s"), List.of("X-Vapi-Secret"))),
						List.of()),
				new RequestOrigin(List.of(), null), new ProblemResponses(JsonMapper.builder().build()), meters);
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/vapi/webhook");
		request.addHeader("X-Vapi-Secret", "s");
		request.setContent("{}".getBytes());
		MockHttpServletResponse response = new MockHttpServletResponse();
		MockFilterChain chain = new MockFilterChain();
		filter.doFilter(request, response, chain);
		assertThat(response.getStatus()).isEqualTo(401);
		assertThat(chain.getRequest()).isNull();
		assertThat(meters.counter(SignatureVerificationFilter.REJECTIONS_METER, "reason", "unreadable_body").count())
			.isEqualTo(1);
	}

}

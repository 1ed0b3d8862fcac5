package io.github.vapiwebhook.webhook;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import jakarta.servlet.ServletRequest;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockAsyncContext;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookBodyFilterTests {

	private final WebhookBodyFilter filter = new WebhookBodyFilter(new RequestBodyReader(1024, Duration.ofSeconds(5),
			new BodyBudget(1024 * 1024), null, new SimpleMeterRegistry(), System::nanoTime),
			new ProblemResponses(JsonMapper.builder().build()));

	@Test
	void passesOnTheExactBytesReadableAgain() throws Exception {
		byte[] body = "{\"message\":{\"type\":\"hang\"}}  \n".getBytes(StandardCharsets.UTF_8);
		MockFilterChain chain = new MockFilterChain();
		this.filter.doFilter(post(body), new MockHttpServletResponse(), chain);
		ServletRequest passed = chain.getRequest();
		assertThat(CachedBodyRequest.bodyOf(passed)).isEqualTo(body);
		assertThat(passed.getInputStream().readAllBytes()).isEqualTo(body);
		assertThat(passed.getInputStream().readAllBytes()).isEqualTo(body);
		assertThat(passed.getContentLengthLong()).isEqualTo(body.length);
	}

	@Test
	void bodyAtTheLimitIsAccepted() throws Exception {
		MockFilterChain chain = new MockFilterChain();
		MockHttpServletResponse response = new MockHttpServletResponse();
		this.filter.doFilter(post(new byte[1024]), response, chain);
		assertThat(response.getStatus()).isEqualTo(200);
		assertThat(chain.getRequest()).isNotNull();
	}

	@Test
	void bodyOverTheLimitIsA413ProblemAndStopsTheChain() throws Exception {
		MockFilterChain chain = new MockFilterChain();
		MockHttpServletResponse response = new MockHttpServletResponse();
		this.filter.doFilter(post(new byte[1025]), response, chain);
		assertThat(response.getStatus()).isEqualTo(413);
		assertThat(response.getContentType()).startsWith("application/problem+json");
		assertThat(response.getContentAsString()).contains("exceeds the limit of 1024 bytes");
		assertThat(chain.getRequest()).isNull();
	}

	@Test
	void understatedContentLengthStillCannotExceedTheLimit() throws Exception {
		MockHttpServletRequest request = post(new byte[4096]);
		request.addHeader("Content-Length", "10");
		MockFilterChain chain = new MockFilterChain();
		MockHttpServletResponse response = new MockHttpServletResponse();
		this.filter.doFilter(request, response, chain);
		assertThat(response.getStatus()).isEqualTo(413);
		assertThat(chain.getRequest()).isNull();
	}

	@Test
	void bodyWithoutDeclaredLengthIsReadUpToTheLimit() throws Exception {
		byte[] body = "{\"message\":{\"type\":\"hang\"}}".getBytes(StandardCharsets.UTF_8);
		MockFilterChain chain = new MockFilterChain();
		this.filter.doFilter(withLength(post(body), -1), new MockHttpServletResponse(), chain);
		assertThat(CachedBodyRequest.bodyOf(chain.getRequest())).isEqualTo(body);
	}

	@Test
	void chunkedBodyOverTheLimitIsA413() throws Exception {
		MockFilterChain chain = new MockFilterChain();
		MockHttpServletResponse response = new MockHttpServletResponse();
		this.filter.doFilter(withLength(post(new byte[1025]), -1), response, chain);
		assertThat(response.getStatus()).isEqualTo(413);
		assertThat(chain.getRequest()).isNull();
	}

	@Test
	void bodyEndingBeforeItsDeclaredLengthIsA400() throws Exception {
		byte[] body = "{\"message\":{}}".getBytes(StandardCharsets.UTF_8);
		MockFilterChain chain = new MockFilterChain();
		MockHttpServletResponse response = new MockHttpServletResponse();
		this.filter.doFilter(withLength(post(body), 100), response, chain);
		assertThat(response.getStatus()).isEqualTo(400);
		assertThat(response.getContentAsString()).contains("ended after 14 of its 100 declared bytes");
		assertThat(chain.getRequest()).isNull();
	}

	@Test
	void aBodyThatFindsNoRoomInTheBudgetIsA503ProblemWithRetryAfter() throws Exception {
		BodyBudget budget = new BodyBudget(64 * 1024);
		WebhookBodyFilter filter = new WebhookBodyFilter(new RequestBodyReader(1024 * 1024, Duration.ofSeconds(5),
				budget, null, new SimpleMeterRegistry(), System::nanoTime),
				new ProblemResponses(JsonMapper.builder().build()));
		// another request holds the whole budget
		budget.tryReserve(0, 64 * 1024);
		MockFilterChain chain = new MockFilterChain();
		MockHttpServletResponse response = new MockHttpServletResponse();
		filter.doFilter(post(new byte[100]), response, chain);
		assertThat(response.getStatus()).isEqualTo(503);
		assertThat(response.getHeader("Retry-After")).isEqualTo("1");
		assertThat(response.getContentType()).startsWith("application/problem+json");
		assertThat(chain.getRequest()).isNull();
	}

	@Test
	void aRefusedBodyIsAnsweredAsynchronouslyAndItsConnectionClosed() throws Exception {
		MockHttpServletRequest request = post(new byte[1025]);
		request.setAsyncSupported(true);
		MockHttpServletResponse response = new MockHttpServletResponse();
		this.filter.doFilter(request, response, new MockFilterChain());
		assertThat(response.getStatus()).isEqualTo(413);
		assertThat(response.getHeader("Connection")).isEqualTo("close");
		assertThat(request.isAsyncStarted()).isFalse();
		assertThat(request.getAsyncContext()).isNotNull();
		assertThat(((MockAsyncContext) request.getAsyncContext()).getDispatchedPath()).isNull();
	}

	private static HttpServletRequest withLength(HttpServletRequest request, long length) {
		return new HttpServletRequestWrapper(request) {

			@Override
			public long getContentLengthLong() {
				return length;
			}

			@Override
			public int getContentLength() {
				return (int) length;
			}

		};
	}

	@Test
	void requestWithoutBodyPassesWithAnEmptyBody() throws Exception {
		MockFilterChain chain = new MockFilterChain();
		this.filter.doFilter(new MockHttpServletRequest("GET", "/vapi/webhook"), new MockHttpServletResponse(), chain);
		assertThat(CachedBodyRequest.bodyOf(chain.getRequest())).isEmpty();
	}

	@Test
	void requestThatDidNotPassTheFilterHasNoCachedBody() {
		assertThat(CachedBodyRequest.bodyOf(new MockHttpServletRequest())).isNull();
	}

	private static MockHttpServletRequest post(byte[] body) {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/vapi/webhook");
		request.setContentType("application/json");
		request.setContent(body);
		return request;
	}

}

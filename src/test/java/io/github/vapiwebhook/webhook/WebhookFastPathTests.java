package io.github.vapiwebhook.webhook;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.client.RestClient;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which requests the fast path answers without Spring MVC, and which it leaves to MVC. An
 * interceptor counts the requests that reached MVC's handler on the webhook path.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "vapi.security.shared-secret.secrets=test-secret", "vapi.tools.enabled=false" })
class WebhookFastPathTests {

	@LocalServerPort
	int port;

	@Autowired
	AtomicInteger mvcHandled;

	@Test
	void wellFormedMessageIsAnsweredWithoutSpringMvc() {
		int before = this.mvcHandled.get();
		Answer answer = post("application/json", null, WebhookTestSupport.fixtureBytes("assistant-request"));
		assertThat(answer.status()).isEqualTo(200);
		assertThat(answer.body()).contains("\"error\"");
		assertThat(this.mvcHandled.get()).isEqualTo(before);
	}

	@Test
	void unreadableMessageIsLeftToSpringMvcWhichAnswers400() {
		int before = this.mvcHandled.get();
		Answer answer = post("application/json", null, "{\"message\":{}}".getBytes(StandardCharsets.UTF_8));
		assertThat(answer.status()).isEqualTo(400);
		assertThat(answer.body()).contains("'message.type'");
		assertThat(this.mvcHandled.get()).isEqualTo(before + 1);
	}

	@ParameterizedTest(name = "{0} {1}, Accept: {2} -> {3}")
	@CsvSource(delimiter = '|', nullValues = "-", textBlock = """
			POST | application/json                  | -                                   | true
			POST | application/json;charset=UTF-8    | -                                   | true
			POST | Application/JSON                  | -                                   | true
			POST | application/json                  | */*                                 | true
			POST | application/json                  | application/json, text/plain, */*   | true
			POST | application/json                  | text/html;q=0.9, application/*;q=0.1 | true
			POST | application/json                  | text/html                           | false
			POST | application/json                  | not a media type                    | false
			POST | text/plain                        | -                                   | false
			POST | application/vnd.api+json          | -                                   | false
			POST | -                                 | -                                   | false
			POST | ;;                                | -                                   | false
			PUT  | application/json                  | -                                   | false
			GET  | application/json                  | -                                   | false
			""")
	void qualifiesOnlyWhatSpringMvcWouldMapToTheController(String method, @Nullable String contentType,
			@Nullable String accept, boolean expected) {
		MockHttpServletRequest request = new MockHttpServletRequest(method, "/vapi/webhook");
		if (contentType != null) {
			request.addHeader("Content-Type", contentType);
		}
		if (accept != null) {
			request.addHeader("Accept", accept);
		}
		assertThat(WebhookFastPathFilter.qualifies(request)).isEqualTo(expected);
	}

	private Answer post(String contentType, @Nullable String accept, byte[] body) {
		return RestClient.create()
			.post()
			.uri("http://127.0.0.1:" + this.port + "/vapi/webhook")
			.header("Content-Type", contentType)
			.headers((headers) -> {
				if (accept != null) {
					headers.set("Accept", accept);
				}
			})
			.header("X-Vapi-Secret", "test-secret")
			.body(body)
			.exchange((request, response) -> new Answer(response.getStatusCode().value(),
					new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8)));
	}

	record Answer(int status, String body) {
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class CountingMvc {

		@Bean
		AtomicInteger mvcHandled() {
			return new AtomicInteger();
		}

		@Bean
		WebMvcConfigurer countWebhookHandling(AtomicInteger mvcHandled) {
			return new WebMvcConfigurer() {

				@Override
				public void addInterceptors(InterceptorRegistry registry) {
					registry.addInterceptor(new HandlerInterceptor() {

						@Override
						public boolean preHandle(HttpServletRequest request, HttpServletResponse response,
								Object handler) {
							mvcHandled.incrementAndGet();
							return true;
						}

					}).addPathPatterns("/vapi/webhook");
				}

			};
		}

	}

}

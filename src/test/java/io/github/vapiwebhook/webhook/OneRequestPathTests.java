package io.github.vapiwebhook.webhook;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.vapiwebhook.security.WebhookSigner;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.client.RestClient;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every webhook request takes one path: the webhook's filters (authentication, body),
 * then the rest of the filter chain (Spring's own filters and the application's at the
 * default order), then Spring MVC (interceptors, controller advice) to the controller.
 * The application's filter, interceptor and advice below record what they see.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "vapi.security.hmac.secrets=" + OneRequestPathTests.SECRET)
class OneRequestPathTests {

	static final String SECRET = "whsec-one-path";

	private static final String HANG = "{\"message\":{\"type\":\"hang\",\"call\":{\"id\":\"call-one-path\"}}}";

	@LocalServerPort
	int port;

	@Autowired
	Seen seen;

	@BeforeEach
	void forget() {
		this.seen.clear();
	}

	@Test
	void theApplicationsFilterInterceptorAndAdviceAllSeeASignedRequest() {
		String body = HANG.replace("call-one-path", "call-seen");
		assertThat(post(body, signed(body), "application/json", null)).isEqualTo(200);
		assertThat(this.seen.filter).containsExactly("body read, request context set");
		assertThat(this.seen.interceptor).containsExactly("WebhookController.receive");
		assertThat(this.seen.advice).containsExactly("WebhookController.receive");
	}

	@Test
	void nothingOfTheApplicationSeesARequestRefusedByAuthentication() {
		assertThat(post(HANG, Map.of(), "application/json", null)).isEqualTo(401);
		assertThat(this.seen.filter).isEmpty();
		assertThat(this.seen.interceptor).isEmpty();
		assertThat(this.seen.advice).isEmpty();
	}

	@Test
	void anUnreadableMessageGoesTheSameWayAndIsA400() {
		String body = "{\"message\":{}}";
		assertThat(post(body, signed(body), "application/json", null)).isEqualTo(400);
		assertThat(this.seen.filter).hasSize(1);
		assertThat(this.seen.interceptor).containsExactly("WebhookController.receive");
	}

	@ParameterizedTest(name = "Content-Type: {0}, Accept: {1} -> {2}")
	@CsvSource(delimiter = '|', nullValues = "-", textBlock = """
			application/json                  | -                                    | 200
			application/json;charset=UTF-8    | -                                    | 200
			Application/JSON                  | -                                    | 200
			application/json                  | */*                                  | 200
			application/json                  | application/json, text/plain, */*    | 200
			application/json                  | text/html;q=0.9, application/*;q=0.1 | 200
			application/json                  | text/html                            | 406
			application/json                  | not a media type                     | 406
			text/plain                        | -                                    | 415
			application/vnd.api+json          | -                                    | 415
			""")
	void springMvcMapsContentTypesAndAcceptedTypes(String contentType, @Nullable String accept, int status) {
		// a body of its own: the same signed bytes again would get the first answer
		String body = HANG.replace("call-one-path", "call-" + contentType + "-" + accept);
		assertThat(post(body, signed(body), contentType, accept)).isEqualTo(status);
	}

	private Map<String, String> signed(String body) {
		return WebhookSigner.hmac(SECRET).headersFor(body, Instant.now());
	}

	private int post(String body, Map<String, String> headers, String contentType, @Nullable String accept) {
		return RestClient.create("http://127.0.0.1:" + this.port).post().uri("/vapi/webhook").headers((http) -> {
			headers.forEach(http::add);
			http.set("Content-Type", contentType);
			if (accept != null) {
				http.set("Accept", accept);
			}
		})
			.body(body.getBytes(StandardCharsets.UTF_8))
			.exchange((request, response) -> response.getStatusCode().value());
	}

	/** What the application's own extensions saw. */
	static class Seen {

		final List<String> filter = new CopyOnWriteArrayList<>();

		final List<String> interceptor = new CopyOnWriteArrayList<>();

		final List<String> advice = new CopyOnWriteArrayList<>();

		void clear() {
			this.filter.clear();
			this.interceptor.clear();
			this.advice.clear();
		}

	}

	@TestConfiguration(proxyBeanMethods = false)
	static class ApplicationExtensions implements WebMvcConfigurer {

		@Bean
		Seen seen() {
			return new Seen();
		}

		/** A servlet filter of the application at the default order. */
		@Bean
		Filter applicationFilter(Seen seen) {
			return (request, response, chain) -> {
				if (((HttpServletRequest) request).getRequestURI().equals("/vapi/webhook")) {
					boolean bodyRead = CachedBodyRequest.bodyOf(request) != null;
					boolean context = RequestContextHolder.getRequestAttributes() != null;
					seen.filter.add((bodyRead ? "body read" : "no body") + ", "
							+ (context ? "request context set" : "no request context"));
				}
				chain.doFilter(request, response);
			};
		}

		@Bean
		WebMvcConfigurer applicationInterceptor(Seen seen) {
			return new WebMvcConfigurer() {

				@Override
				public void addInterceptors(InterceptorRegistry registry) {
					registry.addInterceptor(new HandlerInterceptor() {

						@Override
						public boolean preHandle(HttpServletRequest request, HttpServletResponse response,
								Object handler) {
							if (handler instanceof HandlerMethod method) {
								seen.interceptor
									.add(method.getBeanType().getSimpleName() + "." + method.getMethod().getName());
							}
							return true;
						}

					});
				}

			};
		}

		@Bean
		ApplicationAdvice applicationAdvice(Seen seen) {
			return new ApplicationAdvice(seen);
		}

	}

	/** Controller advice of the application, for every controller. */
	@ControllerAdvice
	static class ApplicationAdvice implements ResponseBodyAdvice<Object> {

		private final Seen seen;

		ApplicationAdvice(Seen seen) {
			this.seen = seen;
		}

		@Override
		public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
			return true;
		}

		@Override
		public @Nullable Object beforeBodyWrite(@Nullable Object body, MethodParameter returnType,
				MediaType selectedContentType, Class<? extends HttpMessageConverter<?>> selectedConverterType,
				ServerHttpRequest request, ServerHttpResponse response) {
			if (returnType.getMethod() != null && returnType.getContainingClass() == WebhookController.class) {
				this.seen.advice.add("WebhookController." + returnType.getMethod().getName());
			}
			return body;
		}

	}

}

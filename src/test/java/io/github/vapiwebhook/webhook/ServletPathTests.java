package io.github.vapiwebhook.webhook;

import java.nio.charset.StandardCharsets;

import io.github.vapiwebhook.VapiWebhookApplication;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The webhook's filters, authentication among them, cover every path at which Spring MVC
 * serves the endpoint: a servlet path that would separate them stops startup, and a
 * request that reaches the controller without them is refused.
 */
class ServletPathTests {

	private static final byte[] HANG = "{\"message\":{\"type\":\"hang\",\"timestamp\":1764178831000}}"
		.getBytes(StandardCharsets.UTF_8);

	@Test
	void servletPathOtherThanRootStopsStartupNamingTheProperty() {
		SpringApplicationBuilder application = new SpringApplicationBuilder(VapiWebhookApplication.class).properties(
				"server.port=0", "vapi.security.shared-secret.secrets=test-secret", "spring.mvc.servlet.path=/api");
		assertThatThrownBy(application::run).rootCause()
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("spring.mvc.servlet.path is '/api'")
			.hasMessageContaining("/api/vapi/webhook")
			.hasMessageContaining("vapi.webhook.path");
	}

	@Test
	void rootServletPathStarts() {
		// as arguments: they must win over the operator's ./application.yml (port 8080)
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(VapiWebhookApplication.class).run(
				"--server.port=0", "--vapi.security.shared-secret.secrets=test-secret",
				"--spring.mvc.servlet.path=/")) {
			assertThat(context.isActive()).isTrue();
		}
	}

	@SpringBootTest(properties = "vapi.security.shared-secret.secrets=test-secret")
	@Nested
	class WithoutTheFilters {

		@Test
		void requestThatSkippedTheFiltersIsRefusedNotHandled(WebApplicationContext context) throws Exception {
			// MockMvc built from the context alone has none of the servlet filters, as an
			// uncovered servlet mapping would have none
			MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).build();
			double dispatchedBefore = dispatched(context);
			mvc.perform(post("/vapi/webhook").contentType(MediaType.APPLICATION_JSON).content(HANG))
				.andExpect(status().isInternalServerError())
				.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
				.andExpect(content().string(containsString(WebhookExceptionHandler.UNFILTERED_DETAIL)));
			// never dispatched: no message of any type was counted (the context may be
			// shared with other tests, so compare with the count before)
			assertThat(dispatched(context)).isEqualTo(dispatchedBefore);
		}

		private double dispatched(WebApplicationContext context) {
			return context.getBean(MeterRegistry.class)
				.find("vapi.webhook.messages")
				.counters()
				.stream()
				.mapToDouble(Counter::count)
				.sum();
		}

	}

}

package io.github.vapiwebhook.calls;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A request that reaches the call API without passing its key filter (here a
 * {@code MockMvc} without filters) is refused, never answered: the API fails closed.
 */
@SpringBootTest(properties = "vapi.calls.api.keys=test-key")
@AutoConfigureMockMvc(addFilters = false)
class UnfilteredApiRequestTests {

	@Autowired
	MockMvcTester mvc;

	@Test
	void aRequestThatDidNotPassTheKeyFilterIsRefused() {
		assertThat(this.mvc.get().uri("/api/calls").header("X-Api-Key", "test-key")).hasStatus(500)
			.bodyJson()
			.extractingPath("$.detail")
			.isEqualTo("The request did not pass the call API's key filter and was not answered");
	}

}

package io.github.vapiwebhook.tools;

import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A tool's outcome is logged with the call id and message type of its message, also when
 * the tool finishes after the request thread moved on (the result is then rendered on the
 * tool's own thread).
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "vapi.security.shared-secret.secrets=test-secret")
class ToolLogContextTests {

	@LocalServerPort
	int port;

	@Test
	void aSlowToolsRefusalIsLoggedWithTheCallIdAndType(CapturedOutput output) {
		String body = """
				{"message": {"type": "tool-calls", "call": {"id": "call-log-context"}, "toolCallList": [
				  {"id": "tc-log-1", "type": "function",
				   "function": {"name": "slow_refusal", "arguments": {"value": "x"}}}]}}
				""";
		ResponseEntity<String> response = RestClient.create("http://127.0.0.1:" + this.port)
			.post()
			.uri("/vapi/webhook")
			.contentType(MediaType.APPLICATION_JSON)
			.header("X-Vapi-Secret", "test-secret")
			.body(body)
			.retrieve()
			.toEntity(String.class);

		assertThat(response.getBody()).contains("never right");
		assertThat(
				output.getOut().lines().filter((line) -> line.contains("refused the arguments of tool call tc-log-1")))
			.singleElement(InstanceOfAssertFactories.STRING)
			.contains("[call-log-context tool-calls]");
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class SlowToolConfiguration {

		@Bean
		SlowRefusingTool slowRefusingTool() {
			return new SlowRefusingTool();
		}

	}

	static class SlowRefusingTool {

		@VapiTool(name = "slow_refusal", description = "Refuses every value, after a while")
		String refuse(@ToolParam(description = "Any value") String value) throws InterruptedException {
			// long enough for the request thread to have attached the rendering stage
			Thread.sleep(300);
			throw new ToolArgumentException("Argument 'value' is never right");
		}

	}

}

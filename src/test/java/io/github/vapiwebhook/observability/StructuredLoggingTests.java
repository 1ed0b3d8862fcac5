package io.github.vapiwebhook.observability;

import java.io.IOException;
import java.util.List;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.joran.spi.JoranException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.Logger;
import org.slf4j.MDC;

import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.env.Environment;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Structured (JSON) console logging as {@code logging.structured.format.console} turns it
 * on, with the real {@code logback-spring.xml} and {@code application.yml}. Configured in
 * a logger context of its own: switching the application's logging to JSON would leak
 * into the other tests, which share one JVM.
 */
@ExtendWith(OutputCaptureExtension.class)
class StructuredLoggingTests {

	private final LoggerContext context = new LoggerContext();

	@AfterEach
	void stopContext() {
		this.context.stop();
	}

	@ParameterizedTest
	@ValueSource(strings = { "ecs", "logstash", "gelf" })
	void structuredLinesMaskMdcValuesAndKeepEachEventOnOneLine(String format, CapturedOutput output) throws Exception {
		Logger logger = configure(format).getLogger("io.github.vapiwebhook.tools.ToolCallRunner");
		try (MDC.MDCCloseable callId = MDC.putCloseable("vapi.callId", "+14155550123\r\nforged-in-mdc");
				MDC.MDCCloseable type = MDC.putCloseable("vapi.type", "tool-calls")) {
			logger.warn("Tool call {} names the unknown tool {}", "tc-1\nforged-in-argument", "jane.roe@example.org");
		}
		assertThat(linesContaining(output, "tool-calls")).singleElement()
			.asString()
			.startsWith("{")
			.contains("[redacted-phone]\\r\\nforged-in-mdc")
			.contains("Tool call tc-1\\nforged-in-argument names the unknown tool [redacted-email]");
		assertThat(output.getAll()).doesNotContain("4155550123").doesNotContain("jane.roe");
	}

	private LoggerContext configure(String format) throws IOException, JoranException {
		MockEnvironment environment = new MockEnvironment();
		// the library's defaults hold the logging keys (the JSON members customizer)
		for (PropertySource<?> source : new YamlPropertySourceLoader().load("library-defaults",
				new ClassPathResource("io/github/vapiwebhook/webhook/library-defaults.yml"))) {
			environment.getPropertySources().addLast(source);
		}
		this.context.putObject(Environment.class.getName(), environment);
		this.context.putProperty("CONSOLE_LOG_STRUCTURED_FORMAT", format);
		this.context.setMDCAdapter(MDC.getMDCAdapter());
		JoranConfigurator configurator = new JoranConfigurator();
		configurator.setContext(this.context);
		configurator.doConfigure(new ClassPathResource("logback-spring.xml").getURL());
		return this.context;
	}

	private List<String> linesContaining(CapturedOutput output, String text) {
		return output.getOut().lines().filter((line) -> line.contains(text)).toList();
	}

}

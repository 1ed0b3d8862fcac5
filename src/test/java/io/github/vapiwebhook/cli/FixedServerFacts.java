package io.github.vapiwebhook.cli;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.github.vapiwebhook.security.SecurityProperties;
import io.github.vapiwebhook.tools.ToolDefinition;
import io.github.vapiwebhook.vapiapi.VapiApiProperties;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * The facts of an application in a test: settings bound from a map, as the server binds
 * them, and fixed tools.
 */
record FixedServerFacts(SecurityProperties security, String webhookPath, VapiApiProperties api,
		List<ToolDefinition> tools) implements ServerFacts {

	static FixedServerFacts of(Map<String, String> security, URI apiBaseUrl, List<ToolDefinition> tools) {
		SecurityProperties bound = new Binder(new MapConfigurationPropertySource(security))
			.bindOrCreate("vapi.security", SecurityProperties.class);
		VapiApiProperties api = new VapiApiProperties(apiBaseUrl, Duration.ofSeconds(2), Duration.ofSeconds(5), 0,
				Duration.ofMillis(10), Duration.ofSeconds(1), "vapi-webhook-server");
		return new FixedServerFacts(bound, "/vapi/webhook", api, tools);
	}

}

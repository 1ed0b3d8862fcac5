package io.github.vapiwebhook.cli;

import io.github.vapiwebhook.security.SecurityProperties;
import io.github.vapiwebhook.tools.ToolRegistry;
import io.github.vapiwebhook.vapiapi.VapiApiProperties;
import io.github.vapiwebhook.webhook.WebhookProperties;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Added to the application's context when a command runs: without a web server the
 * webhook's auto-configurations do not apply, so the settings the commands read are bound
 * here, exactly as the server binds them, and the tools are discovered by the same
 * registry.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ SecurityProperties.class, WebhookProperties.class, VapiApiProperties.class })
class CommandLineConfiguration {

	@Bean
	ToolRegistry commandLineToolRegistry(ListableBeanFactory beans, ObjectProvider<JsonMapper> mapper,
			WebhookProperties webhook) {
		return ToolRegistry.discovering(beans, mapper.getIfAvailable(JsonMapper::new), webhook);
	}

}

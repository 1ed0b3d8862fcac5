package io.github.vapiwebhook.recording;

import java.time.Clock;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import tools.jackson.databind.json.JsonMapper;

import io.github.vapiwebhook.webhook.WebhookAutoConfiguration;
import io.github.vapiwebhook.webhook.WebhookFilterOrder;
import io.github.vapiwebhook.webhook.WebhookProperties;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;

/**
 * Registers the recording filter on the webhook path, right after the filters that
 * authenticate the request and read its body, when vapi.recording.enabled is set.
 */
@AutoConfiguration(after = WebhookAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnBooleanProperty("vapi.recording.enabled")
@EnableConfigurationProperties(RecordingProperties.class)
public class RecordingAutoConfiguration {

	@Bean
	MessageRecorder messageRecorder(RecordingProperties properties, ObjectProvider<Clock> clock,
			ObjectProvider<MeterRegistry> meters) {
		// a mapper of its own: the recording writes the tree it reads, nothing else
		return new MessageRecorder(properties, new Redactor(), JsonMapper.builder().build(),
				clock.getIfAvailable(Clock::systemUTC), meters.getIfAvailable(SimpleMeterRegistry::new));
	}

	@Bean
	FilterRegistrationBean<RecordingFilter> recordingFilter(MessageRecorder recorder, WebhookProperties webhook) {
		FilterRegistrationBean<RecordingFilter> registration = new FilterRegistrationBean<>(
				new RecordingFilter(recorder));
		registration.addUrlPatterns(webhook.path());
		registration.setOrder(WebhookFilterOrder.RECORDING.order());
		return registration;
	}

}

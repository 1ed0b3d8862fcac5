package io.github.vapiwebhook.webhook;

import java.util.List;
import java.util.Map;

import io.github.vapiwebhook.message.ServerMessageReader;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.thread.Threading;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletPath;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The webhook endpoint, for any Spring Boot web application that has this library on its
 * class path: the controller, the dispatcher with the built-in replies, the listener
 * inbox, the handler executor, the message reader and the body filter (limited to the
 * webhook path). Declaring a bean of the type of {@link ServerMessageReader},
 * {@link ProblemResponses}, {@link HandlerExecutor} or {@link ListenerInbox} replaces the
 * built-in one.
 * <p>
 * Every filter of the webhook (body limit, authentication, metrics) is mapped at
 * {@code vapi.webhook.path} relative to the context path, while Spring MVC maps the
 * controller relative to {@code spring.mvc.servlet.path}. A servlet path other than
 * {@code /} would let MVC serve the endpoint at a path no filter covers, without
 * authentication, so it stops startup.
 */
@AutoConfiguration(after = JacksonAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(WebhookProperties.class)
@Import(DefaultReplies.class)
public class WebhookAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	ServerMessageReader serverMessageReader() {
		return new ServerMessageReader();
	}

	@Bean
	@ConditionalOnMissingBean
	ProblemResponses problemResponses(ObjectProvider<JsonMapper> mapper) {
		return new ProblemResponses(mapper.getIfAvailable(JsonMapper::new));
	}

	@Bean
	@ConditionalOnMissingBean
	HandlerExecutor handlerExecutor(WebhookProperties properties) {
		return new HandlerExecutor(properties);
	}

	@Bean
	@ConditionalOnMissingBean(ListenerInbox.class)
	AsyncListenerInbox listenerInbox(ApplicationEventPublisher publisher, HandlerExecutor executor,
			WebhookProperties properties) {
		return new AsyncListenerInbox(publisher, executor, properties.listenerBacklog());
	}

	@Bean
	@SuppressWarnings("unchecked")
	ServerMessageDispatcher serverMessageDispatcher(ListableBeanFactory beans,
			ObjectProvider<DefaultReply<?, ?>> defaults, ListenerInbox inbox, HandlerExecutor executor,
			WebhookProperties properties, ObjectProvider<DispatchObserver> observers) {
		// by bean name, so that two handlers of one type are named when startup stops
		Map<String, ServerMessageHandler<?, ?>> handlers = (Map<String, ServerMessageHandler<?, ?>>) (Map<?, ?>) beans
			.getBeansOfType(ServerMessageHandler.class);
		return new ServerMessageDispatcher(handlers, defaults, inbox, executor, properties, observers);
	}

	@Bean
	WebhookController webhookController(ServerMessageDispatcher dispatcher) {
		return new WebhookController(dispatcher);
	}

	@Bean
	WebhookExceptionHandler webhookExceptionHandler() {
		return new WebhookExceptionHandler();
	}

	@Bean
	UnknownMessageLog unknownMessageLog() {
		return new UnknownMessageLog();
	}

	@Bean
	VoiceRequestWarning voiceRequestWarning() {
		return new VoiceRequestWarning();
	}

	@Bean
	WebMvcConfigurer serverMessageArguments(ServerMessageReader reader) {
		return new WebMvcConfigurer() {

			@Override
			public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
				resolvers.add(new ServerMessageArgumentResolver(reader));
			}

		};
	}

	@Bean
	RequestBodyReader requestBodyReader(WebhookProperties properties, Environment environment,
			ObjectProvider<MeterRegistry> meters) {
		return new RequestBodyReader(properties, Threading.VIRTUAL.isActive(environment),
				meters.getIfAvailable(SimpleMeterRegistry::new));
	}

	@Bean
	FilterRegistrationBean<WebhookBodyFilter> webhookBodyFilter(WebhookProperties properties, RequestBodyReader reader,
			ProblemResponses problems, ObjectProvider<DispatcherServletPath> servletPath) {
		requireRootServletPath(servletPath.getIfAvailable(), properties.path());
		FilterRegistrationBean<WebhookBodyFilter> registration = new FilterRegistrationBean<>(
				new WebhookBodyFilter(reader, problems));
		registration.addUrlPatterns(properties.path());
		registration.setOrder(WebhookFilterOrder.BODY.order());
		return registration;
	}

	static void requireRootServletPath(@Nullable DispatcherServletPath servletPath, String webhookPath) {
		String path = (servletPath != null) ? servletPath.getPath() : "/";
		if (path != null && !path.isEmpty() && !path.equals("/")) {
			throw new IllegalStateException(("spring.mvc.servlet.path is '%s', but the webhook's filters (body limit, "
					+ "authentication, metrics) are mapped at vapi.webhook.path (%s) relative to the context path: "
					+ "Spring MVC would serve the endpoint at %s, where none of them runs. Leave "
					+ "spring.mvc.servlet.path unset; to move the endpoint, set vapi.webhook.path or "
					+ "server.servlet.context-path.")
				.formatted(path, webhookPath, servletPath.getRelativePath(webhookPath)));
		}
	}

}

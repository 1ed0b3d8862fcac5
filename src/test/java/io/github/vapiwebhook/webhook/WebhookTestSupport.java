package io.github.vapiwebhook.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import io.github.vapiwebhook.message.ServerMessage;
import io.github.vapiwebhook.message.ServerMessageReader;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.util.unit.DataSize;

/**
 * Builds the plain objects the webhook unit tests need: properties, the built-in
 * defaults, fixtures.
 */
final class WebhookTestSupport {

	private final ServerMessageReader reader = new ServerMessageReader();

	static WebhookProperties properties(Duration assistantRequestDeadline, Duration replyDeadline,
			Map<String, Duration> deadlines, WebhookProperties.Defaults defaults) {
		return new WebhookProperties("/vapi/webhook", DataSize.ofMegabytes(8), assistantRequestDeadline, replyDeadline,
				deadlines, Duration.ofSeconds(2), defaults, body(), 64);
	}

	static WebhookProperties.Body body() {
		return new WebhookProperties.Body(Duration.ofSeconds(5), null, null);
	}

	static WebhookProperties.Defaults unconfiguredDefaults() {
		return new WebhookProperties.Defaults(null, null, "Sorry, we cannot take calls.", null, null,
				"No transfer destination is available.", null, "No handoff destination is available.", 1.0, true, false,
				"The request could not be completed in time.");
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	static ObjectProvider<DefaultReply<?, ?>> defaultReplies(WebhookProperties properties) {
		StaticListableBeanFactory factory = new StaticListableBeanFactory();
		defaultReplyBeans(properties).forEach(factory::addBean);
		return (ObjectProvider) factory.getBeanProvider(DefaultReply.class);
	}

	static Map<String, DefaultReply<?, ?>> defaultReplyBeans(WebhookProperties properties) {
		DefaultReplies replies = new DefaultReplies(properties);
		Map<String, DefaultReply<?, ?>> beans = new LinkedHashMap<>();
		beans.put("assistantRequestDefault", replies.assistantRequestDefault());
		beans.put("toolCallsDefault", replies.toolCallsDefault());
		beans.put("functionCallDefault", replies.functionCallDefault());
		beans.put("transferDestinationDefault", replies.transferDestinationDefault());
		beans.put("handoffDestinationDefault", replies.handoffDestinationDefault());
		beans.put("knowledgeBaseDefault", replies.knowledgeBaseDefault());
		beans.put("endpointingDefault", replies.endpointingDefault());
		beans.put("campaignPredialDefault", replies.campaignPredialDefault());
		return beans;
	}

	ServerMessage fixture(String name) {
		return this.reader.read(fixtureBytes(name));
	}

	static byte[] fixtureBytes(String name) {
		try (InputStream in = WebhookTestSupport.class.getResourceAsStream("/messages/" + name + ".json")) {
			if (in == null) {
				throw new IllegalArgumentException("No fixture " + name);
			}
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static org.springframework.beans.factory.ObjectProvider<DispatchObserver> noObservers() {
		return new org.springframework.beans.factory.support.StaticListableBeanFactory()
			.getBeanProvider(DispatchObserver.class);
	}

}

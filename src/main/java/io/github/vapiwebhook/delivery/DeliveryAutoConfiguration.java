package io.github.vapiwebhook.delivery;

import java.time.Clock;

import javax.sql.DataSource;

import io.github.vapiwebhook.message.ServerMessageReader;
import io.github.vapiwebhook.storage.StorageAutoConfiguration;
import io.github.vapiwebhook.webhook.AsyncListenerInbox;
import io.github.vapiwebhook.webhook.HandlerExecutor;
import io.github.vapiwebhook.webhook.ListenerInbox;
import io.github.vapiwebhook.webhook.WebhookAutoConfiguration;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.FailedEventPublications;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Durable delivery where the application has a database: the durable inbox (in place of
 * the in-memory one), the retries of failed deliveries, and the check that durable
 * listeners listen to durable types.
 */
@AutoConfiguration(after = { StorageAutoConfiguration.class, DataSourceTransactionManagerAutoConfiguration.class },
		afterName = "org.springframework.modulith.events.config.EventPublicationAutoConfiguration",
		before = WebhookAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnBean({ DataSource.class, PlatformTransactionManager.class })
@EnableConfigurationProperties(DeliveryProperties.class)
public class DeliveryAutoConfiguration {

	@Bean
	ReceivedMessages receivedMessages(DataSource dataSource) {
		return new ReceivedMessages(new JdbcTemplate(dataSource));
	}

	@Bean
	@ConditionalOnMissingBean(ListenerInbox.class)
	DurableInbox listenerInbox(DeliveryProperties properties, ApplicationEventPublisher publisher,
			HandlerExecutor executor, PlatformTransactionManager transactions, ReceivedMessages received,
			ObjectProvider<Clock> clock, ObjectProvider<MeterRegistry> meters) {
		return new DurableInbox(properties.durableTypes(), new AsyncListenerInbox(publisher, executor),
				new TransactionTemplate(transactions), received, publisher, clock.getIfAvailable(Clock::systemUTC),
				meters.getIfAvailable(SimpleMeterRegistry::new));
	}

	@Bean
	@ConditionalOnBean(FailedEventPublications.class)
	DeliveryRetries deliveryRetries(FailedEventPublications failed, ReceivedMessages received,
			DeliveryProperties properties, ObjectProvider<Clock> clock) {
		return new DeliveryRetries(failed, received, properties, clock.getIfAvailable(Clock::systemUTC));
	}

	@Bean
	DurableListenerCheck durableListenerCheck(ListableBeanFactory beans, DeliveryProperties properties) {
		return new DurableListenerCheck(beans, properties.durableTypes(), new ServerMessageReader());
	}

}

package io.github.vapiwebhook.delivery;

import java.time.Clock;
import javax.sql.DataSource;

import io.github.vapiwebhook.message.ServerMessageReader;
import io.github.vapiwebhook.storage.PeriodicTask;
import io.github.vapiwebhook.storage.SchemaMigration;
import io.github.vapiwebhook.storage.StorageAutoConfiguration;
import io.github.vapiwebhook.webhook.AsyncListenerInbox;
import io.github.vapiwebhook.webhook.HandlerExecutor;
import io.github.vapiwebhook.webhook.ListenerInbox;
import io.github.vapiwebhook.webhook.WebhookAutoConfiguration;
import io.github.vapiwebhook.webhook.WebhookProperties;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.jspecify.annotations.Nullable;

import org.springframework.aop.interceptor.AsyncUncaughtExceptionHandler;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.FailedEventPublications;
import org.springframework.modulith.events.core.EventPublicationRepository;
import org.springframework.scheduling.annotation.AsyncConfigurer;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Durable delivery where the application has a database: the durable inbox (in place of
 * the in-memory one), the retries of failed deliveries, and the check that durable
 * listeners listen to durable types.
 */
@AutoConfiguration(after = { StorageAutoConfiguration.class, DataSourceTransactionManagerAutoConfiguration.class },
		afterName = "org.springframework.modulith.events.config.EventPublicationAutoConfiguration",
		before = { WebhookAutoConfiguration.class, TaskExecutionAutoConfiguration.class })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnBean({ DataSource.class, PlatformTransactionManager.class })
@EnableConfigurationProperties({ DeliveryProperties.class, WebhookProperties.class })
public class DeliveryAutoConfiguration {

	@Bean
	ReceivedMessages receivedMessages(DataSource dataSource) {
		return new ReceivedMessages(new JdbcTemplate(dataSource));
	}

	@Bean
	@ConditionalOnMissingBean(ListenerInbox.class)
	DurableInbox listenerInbox(DeliveryProperties properties, WebhookProperties webhook,
			ApplicationEventPublisher publisher, HandlerExecutor executor, PlatformTransactionManager transactions,
			ReceivedMessages received, DataSource dataSource, ObjectProvider<SchemaMigration> migration,
			ObjectProvider<Clock> clock, ObjectProvider<MeterRegistry> meters) {
		return new DurableInbox(properties.durableTypes(),
				new AsyncListenerInbox(publisher, executor, webhook.listenerBacklog()),
				new TransactionTemplate(transactions), received, publisher, clock.getIfAvailable(Clock::systemUTC),
				meters.getIfAvailable(SimpleMeterRegistry::new), afterCommit(dataSource, migration.getIfAvailable()));
	}

	/**
	 * What makes a commit of the durable inbox durable: nothing on PostgreSQL (a commit
	 * is on disk when it returns); H2's {@code CHECKPOINT} on H2, which otherwise writes
	 * commits to its file up to {@code WRITE_DELAY} (500 ms) later.
	 */
	private static Runnable afterCommit(DataSource dataSource, @Nullable SchemaMigration migration) {
		if (migration == null || !"h2".equals(migration.vendor())) {
			return () -> {
			};
		}
		JdbcTemplate jdbc = new JdbcTemplate(dataSource);
		return () -> jdbc.execute("CHECKPOINT");
	}

	@Bean
	DeliveryMetrics deliveryMetrics(DataSource dataSource) {
		return new DeliveryMetrics(new JdbcTemplate(dataSource));
	}

	@Bean
	DeliveryFailures deliveryFailures(DataSource dataSource) {
		return new DeliveryFailures(new JdbcTemplate(dataSource));
	}

	@Bean
	@ConditionalOnBean(FailedEventPublications.class)
	FailedDeliveries failedDeliveries(DataSource dataSource, FailedEventPublications publications,
			DeliveryProperties properties) {
		return new FailedDeliveries(new JdbcTemplate(dataSource), publications, properties.retry());
	}

	@Bean
	@ConditionalOnBean(FailedDeliveries.class)
	DeliveryRetries deliveryRetries(FailedDeliveries failed, ReceivedMessages received, DeliveryFailures failures,
			DeliveryProperties properties, ObjectProvider<Clock> clock) {
		return new DeliveryRetries(failed, received, failures, properties, clock.getIfAvailable(Clock::systemUTC));
	}

	@Bean
	@ConditionalOnBean(DeliveryRetries.class)
	PeriodicTask deliveryRetryTask(DeliveryRetries retries, DeliveryProperties properties) {
		return new PeriodicTask("resubmit failed deliveries", properties.retry().interval(), retries::runOnce);
	}

	/**
	 * Keeps the error of a durable listener that threw, for the API, unless the
	 * application configures {@code @Async} itself (Spring takes one
	 * {@code AsyncConfigurer}); before Spring Boot's task execution, which otherwise
	 * declares one.
	 * @param publications Spring Modulith's publications
	 * @param failures where errors are kept
	 * @param clock the clock
	 * @return the configurer
	 */
	@Bean
	@ConditionalOnBean(EventPublicationRepository.class)
	@ConditionalOnMissingBean(AsyncConfigurer.class)
	AsyncConfigurer deliveryFailureRecording(EventPublicationRepository publications, DeliveryFailures failures,
			ObjectProvider<Clock> clock) {
		DeliveryFailureRecorder recorder = new DeliveryFailureRecorder(publications, failures,
				clock.getIfAvailable(Clock::systemUTC));
		return new AsyncConfigurer() {

			@Override
			public AsyncUncaughtExceptionHandler getAsyncUncaughtExceptionHandler() {
				return recorder;
			}

		};
	}

	@Bean
	DurableListenerCheck durableListenerCheck(ListableBeanFactory beans, DeliveryProperties properties) {
		return new DurableListenerCheck(beans, properties.durableTypes(), new ServerMessageReader());
	}

}

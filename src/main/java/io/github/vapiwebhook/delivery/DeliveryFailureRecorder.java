package io.github.vapiwebhook.delivery;

import java.lang.reflect.Method;
import java.time.Clock;
import java.util.StringJoiner;

import io.github.vapiwebhook.message.ServerMessage;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.aop.interceptor.AsyncUncaughtExceptionHandler;
import org.springframework.aop.interceptor.SimpleAsyncUncaughtExceptionHandler;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.modulith.events.core.EventPublicationRepository;
import org.springframework.modulith.events.core.PublicationTargetIdentifier;
import org.springframework.util.ClassUtils;
import org.springframework.util.StringUtils;

/**
 * Keeps the error of a durable listener that failed next to its publication, then logs it
 * as Spring does. {@code @ApplicationModuleListener} methods run asynchronously, so what
 * they throw reaches this handler (the application's, unless it configures its own
 * {@code AsyncConfigurer}), with the listener's method and the message: the publication
 * is the incomplete one of that message for that listener.
 */
class DeliveryFailureRecorder implements AsyncUncaughtExceptionHandler {

	private static final Logger logger = LoggerFactory.getLogger(DeliveryFailureRecorder.class);

	private final AsyncUncaughtExceptionHandler logging = new SimpleAsyncUncaughtExceptionHandler();

	private final EventPublicationRepository publications;

	private final DeliveryFailures failures;

	private final Clock clock;

	DeliveryFailureRecorder(EventPublicationRepository publications, DeliveryFailures failures, Clock clock) {
		this.publications = publications;
		this.failures = failures;
		this.clock = clock;
	}

	@Override
	public void handleUncaughtException(Throwable ex, Method method, @Nullable Object... params) {
		this.logging.handleUncaughtException(ex, method, params);
		if (params == null || params.length != 1 || !(params[0] instanceof ServerMessage message)) {
			return;
		}
		String listener = listenerId(method);
		if (listener == null) {
			return;
		}
		try {
			this.publications
				.findIncompletePublicationsByEventAndTargetIdentifier(message, PublicationTargetIdentifier.of(listener))
				.ifPresent(
						(publication) -> this.failures.record(publication.getIdentifier(), ex, this.clock.instant()));
		}
		catch (RuntimeException failure) {
			// the delivery is retried all the same; only its error is not shown
			logger.warn("Could not record why a delivery to {} failed: {}", listener, failure.toString());
		}
	}

	/**
	 * The id Spring gives an event listener method: the one it declares, else its class,
	 * name and parameter types.
	 * @param method the method
	 * @return its id, or {@code null} when it is no event listener
	 */
	static @Nullable String listenerId(Method method) {
		EventListener listener = AnnotatedElementUtils.findMergedAnnotation(method, EventListener.class);
		if (listener == null) {
			return null;
		}
		if (StringUtils.hasText(listener.id())) {
			return listener.id();
		}
		StringJoiner parameters = new StringJoiner(",", "(", ")");
		for (Class<?> type : method.getParameterTypes()) {
			parameters.add(type.getName());
		}
		return ClassUtils.getQualifiedMethodName(method) + parameters;
	}

}

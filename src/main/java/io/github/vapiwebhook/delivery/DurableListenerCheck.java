package io.github.vapiwebhook.delivery;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.github.vapiwebhook.message.ServerMessage;
import io.github.vapiwebhook.message.ServerMessageReader;

import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.core.MethodIntrospector;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Stops startup when a durable listener ({@code @ApplicationModuleListener}, or any
 * {@code @TransactionalEventListener}) listens to messages that are not kept: those are
 * published outside a transaction, so it would never run, and Spring Modulith would keep
 * publications for it that nothing completes. The message names the method, the type and
 * the property to change.
 */
class DurableListenerCheck implements SmartInitializingSingleton {

	private final ListableBeanFactory beans;

	private final Set<Class<?>> durableRecords;

	DurableListenerCheck(ListableBeanFactory beans, Set<String> durableTypes, ServerMessageReader reader) {
		this.beans = beans;
		this.durableRecords = durableTypes.stream().map(reader::recordOf).collect(Collectors.toUnmodifiableSet());
	}

	@Override
	public void afterSingletonsInstantiated() {
		for (String name : this.beans.getBeanDefinitionNames()) {
			Class<?> type = this.beans.getType(name, false);
			if (type != null) {
				check(AopUtils.isAopProxy(type) ? type.getSuperclass() : type);
			}
		}
	}

	private void check(Class<?> type) {
		Map<Method, TransactionalEventListener> listeners = MethodIntrospector.selectMethods(type,
				(MethodIntrospector.MetadataLookup<TransactionalEventListener>) (method) -> AnnotatedElementUtils
					.findMergedAnnotation(method, TransactionalEventListener.class));
		listeners.forEach((method, annotation) -> {
			for (Class<?> event : events(method, annotation)) {
				if (ServerMessage.class.isAssignableFrom(event) && !this.durableRecords.contains(event)) {
					throw new IllegalStateException(("%s is a durable listener (@ApplicationModuleListener) of %s, "
							+ "which is not among the types kept (vapi.delivery.durable-types): add its type "
							+ "there, or make it an @EventListener")
						.formatted(method, event.getSimpleName()));
				}
			}
		});
	}

	private static Class<?>[] events(Method method, TransactionalEventListener annotation) {
		if (annotation.classes().length > 0) {
			return annotation.classes();
		}
		return (method.getParameterCount() == 1) ? method.getParameterTypes() : new Class<?>[0];
	}

}

package io.github.vapiwebhook.webhook;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.vapiwebhook.message.ServerMessage;

import org.springframework.beans.factory.ObjectProvider;

/**
 * The listener beans, indexed by the message class they receive.
 */
class ListenerRegistry {

	private final List<ServerMessageListener<?>> listeners;

	private final Map<Class<?>, List<ServerMessageListener<?>>> byClass = new ConcurrentHashMap<>();

	ListenerRegistry(ObjectProvider<ServerMessageListener<?>> listeners) {
		this.listeners = listeners.orderedStream().toList();
	}

	List<ServerMessageListener<?>> listenersFor(ServerMessage message) {
		return this.byClass.computeIfAbsent(message.getClass(),
				(type) -> this.listeners.stream().filter((l) -> l.messageType().isAssignableFrom(type)).toList());
	}

}

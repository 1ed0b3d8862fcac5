package io.github.vapiwebhook.calls;

import java.time.Instant;

import io.github.vapiwebhook.message.EndOfCallReportMessage;
import io.github.vapiwebhook.message.StatusUpdateMessage;
import org.junit.jupiter.api.Test;

import org.springframework.modulith.events.ApplicationModuleListener;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The listener that feeds the store, called as Spring Modulith calls it.
 */
class CallStoreListenerTests {

	private final CallMessages messages = new CallMessages();

	@Test
	void storesTheReportsAndStatusUpdatesItReceives() {
		CallStoreDatabase db = new CallStoreDatabase("h2");
		CallStoreListener listener = new CallStoreListener(db.store());
		listener.on(this.messages.status("call-1", "in-progress", Instant.parse("2025-11-26T17:40:01.200Z")));
		listener.on(this.messages.report("call-1"));
		listener.on(this.messages.report("call-1"));
		CallDetails call = db.queries().find("call-1");
		assertThat(call.statusTimeline()).extracting(StatusChange::status).containsExactly("in-progress");
		assertThat(call.transcriptAvailable()).isTrue();
		assertThat(db.rows("call_record", "call-1")).isOne();
	}

	@Test
	void listensAsADurableModuleListener() throws NoSuchMethodException {
		assertThat(CallStoreListener.class.getMethod("on", EndOfCallReportMessage.class)
			.isAnnotationPresent(ApplicationModuleListener.class)).isTrue();
		assertThat(CallStoreListener.class.getMethod("on", StatusUpdateMessage.class)
			.isAnnotationPresent(ApplicationModuleListener.class)).isTrue();
	}

}

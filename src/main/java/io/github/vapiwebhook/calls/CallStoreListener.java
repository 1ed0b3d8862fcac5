package io.github.vapiwebhook.calls;

import io.github.vapiwebhook.message.EndOfCallReportMessage;
import io.github.vapiwebhook.message.StatusUpdateMessage;

import org.springframework.modulith.events.ApplicationModuleListener;

/**
 * Feeds the call store from the messages published as application events. Spring Modulith
 * delivers them durably, asynchronously and at least once, so each may arrive more than
 * once and in any order: the store's writes are idempotent upserts.
 */
class CallStoreListener {

	private final CallStore store;

	CallStoreListener(CallStore store) {
		this.store = store;
	}

	/**
	 * Stores a status update.
	 * @param message the status update
	 */
	@ApplicationModuleListener
	public void on(StatusUpdateMessage message) {
		this.store.recordStatus(message);
	}

	/**
	 * Stores an end-of-call report.
	 * @param report the report
	 */
	@ApplicationModuleListener
	public void on(EndOfCallReportMessage report) {
		this.store.recordReport(report);
	}

}

package com.acme.vapi;

// tag::listeners[]
import io.github.vapiwebhook.message.EndOfCallReportMessage;
import io.github.vapiwebhook.message.ServerMessage;

import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

@Component
class CallArchive {

	@ApplicationModuleListener // durable: retried on failure, redelivered after a crash
	void on(EndOfCallReportMessage report) {
		// report.callId(), report.endedReason(), report.duration(),
		// report.cost(), report.costs(), report.analysis().summary(),
		// report.fullTranscript(), report.artifact().recording() ...
	}

}

@Component
class EveryMessage {

	@EventListener // in memory: every message, request and event types and UnknownMessage
	void on(ServerMessage message) {
		// message.type(), message.callId(), message.timestamp() ...
	}

}
// end::listeners[]

package io.github.vapiwebhook.calls;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import io.github.vapiwebhook.message.Analysis;
import io.github.vapiwebhook.message.Call;
import io.github.vapiwebhook.message.CostItem;
import io.github.vapiwebhook.message.Customer;
import io.github.vapiwebhook.message.EndOfCallReportMessage;
import io.github.vapiwebhook.message.PhoneNumber;
import io.github.vapiwebhook.message.ServerMessage;
import io.github.vapiwebhook.message.StatusUpdateMessage;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What one message tells about its call, as the values of the call's row; {@code null}
 * wherever the message does not say. JSON columns hold JSON text.
 *
 * @param callId the call id
 * @param assistantId the saved assistant on the call
 * @param phoneNumberId the Vapi phone number of the call
 * @param customerNumber the customer's phone number
 * @param startedAt when the call started
 * @param endedAt when the call ended
 * @param endedReason why the call ended
 * @param cost the total cost in USD
 * @param costBreakdown the cost per component ({@code call.costBreakdown}), as JSON
 * @param costs the report's {@code costs}, as JSON
 * @param summary the summary of the analysis
 * @param structuredData the structured data of the analysis, as JSON
 * @param successEvaluation the success evaluation of the analysis
 * @param transcript the transcript
 * @param recordingUrls the lasting recording URLs, as JSON
 * @param report the whole report's {@code message} object, as JSON
 */
record CallUpdate(String callId, @Nullable String assistantId, @Nullable String phoneNumberId,
		@Nullable String customerNumber, @Nullable Instant startedAt, @Nullable Instant endedAt,
		@Nullable String endedReason, @Nullable BigDecimal cost, @Nullable String costBreakdown, @Nullable String costs,
		@Nullable String summary, @Nullable String structuredData, @Nullable String successEvaluation,
		@Nullable String transcript, @Nullable String recordingUrls, @Nullable String report) {

	/**
	 * What a status update tells: the call's ids, customer, times and ended reason.
	 * @param message the status update, which has a call id
	 * @return the update
	 */
	static CallUpdate of(StatusUpdateMessage message) {
		Call call = message.call();
		String endedReason = (message.endedReason() != null) ? message.endedReason()
				: (call != null) ? call.endedReason() : null;
		return new CallUpdate(callIdOf(message), (call != null) ? call.assistantId() : null, phoneNumberIdOf(message),
				customerNumberOf(message), (call != null) ? call.startedAt() : null,
				(call != null) ? call.endedAt() : null, endedReason, null, null, null, null, null, null, null, null,
				null);
	}

	/**
	 * What an end-of-call report tells: everything it has, the report's own fields ahead
	 * of the call's.
	 * @param report the report, which has a call id
	 * @param mapper writes the JSON columns
	 * @return the update
	 */
	static CallUpdate of(EndOfCallReportMessage report, JsonMapper mapper) {
		Call call = report.call();
		Analysis analysis = (report.analysis() != null) ? report.analysis() : Analysis.EMPTY;
		List<CostItem> costs = report.costs();
		RecordingUrls recordings = RecordingUrls.of(report.artifact(), report.recordingUrl());
		return new CallUpdate(callIdOf(report), (call != null) ? call.assistantId() : null, phoneNumberIdOf(report),
				customerNumberOf(report), first(report.startedAt(), (call != null) ? call.startedAt() : null),
				first(report.endedAt(), (call != null) ? call.endedAt() : null),
				first(report.endedReason(), (call != null) ? call.endedReason() : null),
				first(report.cost(), (call != null) ? call.cost() : null),
				(call != null && call.costBreakdown() != null) ? mapper.writeValueAsString(call.costBreakdown()) : null,
				(costs != null && !costs.isEmpty()) ? mapper.writeValueAsString(costs) : null,
				first(analysis.summary(), report.summary()), json(analysis.structuredData(), mapper),
				analysis.successEvaluation(), report.fullTranscript(),
				(recordings != null) ? mapper.writeValueAsString(recordings) : null, mapper.writeValueAsString(report));
	}

	private static String callIdOf(ServerMessage message) {
		String callId = message.callId();
		if (callId == null) {
			throw new IllegalArgumentException("A message without a call id cannot be stored");
		}
		return callId;
	}

	private static @Nullable String phoneNumberIdOf(ServerMessage message) {
		Call call = message.call();
		PhoneNumber phoneNumber = message.context().phoneNumber();
		return first((call != null) ? call.phoneNumberId() : null, (phoneNumber != null) ? phoneNumber.id() : null);
	}

	private static @Nullable String customerNumberOf(ServerMessage message) {
		Customer customer = message.customer();
		Call call = message.call();
		Customer ofCall = (call != null) ? call.customer() : null;
		return first((customer != null) ? customer.number() : null, (ofCall != null) ? ofCall.number() : null);
	}

	private static @Nullable String json(@Nullable JsonNode node, JsonMapper mapper) {
		return (node != null && !node.isMissingNode() && !node.isNull()) ? mapper.writeValueAsString(node) : null;
	}

	@SafeVarargs
	private static <T> @Nullable T first(@Nullable T... candidates) {
		for (T candidate : candidates) {
			if (candidate != null) {
				return candidate;
			}
		}
		return null;
	}

	/**
	 * Describes this update without personal data or conversation content.
	 * @return a redacted description
	 */
	@Override
	public String toString() {
		return "CallUpdate[callId=" + this.callId + ", endedReason=" + this.endedReason + ", content redacted]";
	}

}

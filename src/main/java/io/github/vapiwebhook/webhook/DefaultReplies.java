package io.github.vapiwebhook.webhook;

import java.util.List;

import io.github.vapiwebhook.message.AssistantRequestMessage;
import io.github.vapiwebhook.message.CallEndpointingRequestMessage;
import io.github.vapiwebhook.message.CampaignPredialMessage;
import io.github.vapiwebhook.message.FunctionCallMessage;
import io.github.vapiwebhook.message.HandoffDestinationRequestMessage;
import io.github.vapiwebhook.message.KnowledgeBaseRequestMessage;
import io.github.vapiwebhook.message.ToolCallsMessage;
import io.github.vapiwebhook.message.TransferDestinationRequestMessage;
import io.github.vapiwebhook.reply.AssistantRequestReply;
import io.github.vapiwebhook.reply.EndpointingReply;
import io.github.vapiwebhook.reply.FunctionCallReply;
import io.github.vapiwebhook.reply.HandoffDestinationReply;
import io.github.vapiwebhook.reply.KnowledgeBaseReply;
import io.github.vapiwebhook.reply.PredialReply;
import io.github.vapiwebhook.reply.ToolCallsReply;
import io.github.vapiwebhook.reply.TransferDestination;
import io.github.vapiwebhook.reply.TransferDestinationReply;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.annotation.Bean;

/**
 * The built-in reply of every request type, used when no handler bean answers that type,
 * and the fallback sent when a handler is late or fails. Each is configured under
 * {@code vapi.webhook.defaults}. Imported by {@link WebhookAutoConfiguration}.
 */
class DefaultReplies {

	private final WebhookProperties.Defaults defaults;

	DefaultReplies(WebhookProperties properties) {
		this.defaults = properties.defaults();
	}

	@Bean
	DefaultReply<AssistantRequestMessage, AssistantRequestReply> assistantRequestDefault() {
		AssistantRequestReply reply = configuredAssistant();
		return new DefaultReply<>(AssistantRequestMessage.class, (message) -> reply, (message) -> reply);
	}

	private AssistantRequestReply configuredAssistant() {
		if (this.defaults.assistantId() != null && !this.defaults.assistantId().isBlank()) {
			return AssistantRequestReply.assistantId(this.defaults.assistantId());
		}
		if (this.defaults.assistant() != null && !this.defaults.assistant().isEmpty()) {
			return AssistantRequestReply.assistant(JsonMapper.shared().valueToTree(this.defaults.assistant()));
		}
		return AssistantRequestReply.error(this.defaults.assistantRequestError());
	}

	/**
	 * The answer to {@code tool-calls} when no tool runs them (the tools feature is off
	 * and no handler bean answers): an error for every call. With the tools feature on,
	 * its own built-in reply comes first.
	 */
	@Bean
	DefaultReply<ToolCallsMessage, ToolCallsReply> toolCallsDefault() {
		return new DefaultReply<>(ToolCallsMessage.class,
				(message) -> ToolCallsReply.failedEach(message, "No tool with this name is available."),
				(message) -> ToolCallsReply.failedEach(message, this.defaults.failureMessage()));
	}

	@Bean
	DefaultReply<FunctionCallMessage, FunctionCallReply> functionCallDefault() {
		return new DefaultReply<>(FunctionCallMessage.class,
				(message) -> new FunctionCallReply("No function with this name is available."),
				(message) -> new FunctionCallReply(this.defaults.failureMessage()));
	}

	@Bean
	DefaultReply<TransferDestinationRequestMessage, TransferDestinationReply> transferDestinationDefault() {
		TransferDestinationReply configured = configuredTransfer();
		return new DefaultReply<>(TransferDestinationRequestMessage.class, (message) -> configured,
				(message) -> configured);
	}

	private TransferDestinationReply configuredTransfer() {
		if (this.defaults.transferNumber() != null && !this.defaults.transferNumber().isBlank()) {
			return TransferDestinationReply.to(TransferDestination.number(this.defaults.transferNumber()));
		}
		if (this.defaults.transferSipUri() != null && !this.defaults.transferSipUri().isBlank()) {
			return TransferDestinationReply.to(TransferDestination.sip(this.defaults.transferSipUri()));
		}
		return TransferDestinationReply.refuse(this.defaults.transferError());
	}

	@Bean
	DefaultReply<HandoffDestinationRequestMessage, HandoffDestinationReply> handoffDestinationDefault() {
		HandoffDestinationReply configured = (this.defaults.handoffAssistantName() != null
				&& !this.defaults.handoffAssistantName().isBlank())
						? HandoffDestinationReply.toAssistantName(this.defaults.handoffAssistantName())
						: HandoffDestinationReply.refuse(this.defaults.handoffError());
		return new DefaultReply<>(HandoffDestinationRequestMessage.class, (message) -> configured,
				(message) -> configured);
	}

	@Bean
	DefaultReply<KnowledgeBaseRequestMessage, KnowledgeBaseReply> knowledgeBaseDefault() {
		KnowledgeBaseReply none = KnowledgeBaseReply.documents(List.of());
		return new DefaultReply<>(KnowledgeBaseRequestMessage.class, (message) -> none, (message) -> none);
	}

	@Bean
	DefaultReply<CallEndpointingRequestMessage, EndpointingReply> endpointingDefault() {
		EndpointingReply configured = new EndpointingReply(this.defaults.endpointingTimeoutSeconds());
		return new DefaultReply<>(CallEndpointingRequestMessage.class, (message) -> configured,
				(message) -> configured);
	}

	@Bean
	DefaultReply<CampaignPredialMessage, PredialReply> campaignPredialDefault() {
		PredialReply unhandled = new PredialReply(this.defaults.predialEligible());
		PredialReply failed = new PredialReply(this.defaults.predialEligibleOnFailure());
		return new DefaultReply<>(CampaignPredialMessage.class, (message) -> unhandled, (message) -> failed);
	}

}

package io.github.vapiwebhook.message;

/**
 * A server message whose reply steers the call: Vapi waits for it and uses its body.
 *
 * @param <R> the type of the reply
 */
public sealed interface RequestMessage<R> extends ServerMessage permits AssistantRequestMessage, ToolCallsMessage,
		FunctionCallMessage, TransferDestinationRequestMessage, HandoffDestinationRequestMessage,
		KnowledgeBaseRequestMessage, CallEndpointingRequestMessage, CampaignPredialMessage {

}

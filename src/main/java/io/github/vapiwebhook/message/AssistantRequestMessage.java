package io.github.vapiwebhook.message;

/**
 * An {@code assistant-request}: an inbound call on a number without an assistant; the
 * reply names the assistant, squad, workflow or destination, within Vapi's fixed 7.5 s.
 *
 * @param context the fields common to all messages
 *
 */
public record AssistantRequestMessage(
		MessageContext context) implements RequestMessage<io.github.vapiwebhook.reply.AssistantRequestReply> {

}

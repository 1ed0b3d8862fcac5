package io.github.vapiwebhook.reply;

import java.util.stream.Stream;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The reply to an {@code assistant-request}: exactly one of a saved or transient
 * assistant, squad or workflow, a transfer destination, or an error spoken to the caller.
 * Build it with the static factories; the constructor rejects any other combination.
 *
 * @param assistantId a saved assistant
 * @param assistant a transient assistant ({@code CreateAssistantDTO})
 * @param assistantOverrides overrides for the assistant (for example
 * {@code variableValues})
 * @param squadId a saved squad
 * @param squad a transient squad
 * @param squadOverrides overrides for the squad
 * @param workflowId a saved workflow
 * @param workflow a transient workflow
 * @param workflowOverrides overrides for the workflow
 * @param destination forward the call without an assistant
 * @param error text spoken to the caller before the call is rejected
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AssistantRequestReply(@Nullable String assistantId, @Nullable JsonNode assistant,
		@Nullable JsonNode assistantOverrides, @Nullable String squadId, @Nullable JsonNode squad,
		@Nullable JsonNode squadOverrides, @Nullable String workflowId, @Nullable JsonNode workflow,
		@Nullable JsonNode workflowOverrides, @Nullable TransferDestination destination, @Nullable String error) {

	public AssistantRequestReply {
		long chosen = Stream.of(assistantId, assistant, squadId, squad, workflowId, workflow, destination, error)
			.filter((value) -> value != null)
			.count();
		if (chosen != 1) {
			throw new IllegalArgumentException("An assistant-request reply carries exactly one of assistantId, "
					+ "assistant, squadId, squad, workflowId, workflow, destination or error; got " + chosen);
		}
		requireWith(assistantOverrides, assistantId != null || assistant != null, "assistantOverrides");
		requireWith(squadOverrides, squadId != null || squad != null, "squadOverrides");
		requireWith(workflowOverrides, workflowId != null || workflow != null, "workflowOverrides");
		if (destination != null && "assistant".equals(destination.type())) {
			throw new IllegalArgumentException("An assistant-request destination must be a number or a SIP URI");
		}
		if (error != null && error.isBlank()) {
			throw new IllegalArgumentException("An assistant-request error must be speakable text");
		}
	}

	private static void requireWith(@Nullable JsonNode overrides, boolean owner, String name) {
		if (overrides != null && !owner) {
			throw new IllegalArgumentException(name + " only goes with the matching id or object");
		}
	}

	/**
	 * Use a saved assistant.
	 * @param assistantId the assistant id
	 * @return the reply
	 */
	public static AssistantRequestReply assistantId(String assistantId) {
		return new AssistantRequestReply(assistantId, null, null, null, null, null, null, null, null, null, null);
	}

	/**
	 * Use a saved assistant with overrides (for example {@code {"variableValues":
	 * {...}}}).
	 * @param assistantId the assistant id
	 * @param overrides the overrides
	 * @return the reply
	 */
	public static AssistantRequestReply assistantId(String assistantId, JsonNode overrides) {
		return new AssistantRequestReply(assistantId, null, overrides, null, null, null, null, null, null, null, null);
	}

	/**
	 * Use a transient assistant.
	 * @param assistant the assistant configuration ({@code CreateAssistantDTO})
	 * @return the reply
	 */
	public static AssistantRequestReply assistant(JsonNode assistant) {
		return new AssistantRequestReply(null, assistant, null, null, null, null, null, null, null, null, null);
	}

	/**
	 * Use a transient assistant built with {@link TransientAssistant#builder()}.
	 * @param assistant the assistant
	 * @return the reply
	 */
	public static AssistantRequestReply assistant(TransientAssistant assistant) {
		return assistant(assistant.toJson());
	}

	/**
	 * Use a saved squad.
	 * @param squadId the squad id
	 * @return the reply
	 */
	public static AssistantRequestReply squadId(String squadId) {
		return new AssistantRequestReply(null, null, null, squadId, null, null, null, null, null, null, null);
	}

	/**
	 * Use a transient squad.
	 * @param squad the squad configuration ({@code CreateSquadDTO})
	 * @return the reply
	 */
	public static AssistantRequestReply squad(JsonNode squad) {
		return new AssistantRequestReply(null, null, null, null, squad, null, null, null, null, null, null);
	}

	/**
	 * Use a saved workflow.
	 * @param workflowId the workflow id
	 * @return the reply
	 */
	public static AssistantRequestReply workflowId(String workflowId) {
		return new AssistantRequestReply(null, null, null, null, null, null, workflowId, null, null, null, null);
	}

	/**
	 * Use a transient workflow.
	 * @param workflow the workflow configuration ({@code CreateWorkflowDTO})
	 * @return the reply
	 */
	public static AssistantRequestReply workflow(JsonNode workflow) {
		return new AssistantRequestReply(null, null, null, null, null, null, null, workflow, null, null, null);
	}

	/**
	 * Forward the call to a number or SIP URI without any assistant.
	 * @param destination the destination
	 * @return the reply
	 */
	public static AssistantRequestReply destination(TransferDestination destination) {
		return new AssistantRequestReply(null, null, null, null, null, null, null, null, null, destination, null);
	}

	/**
	 * Reject the call; the text is spoken to the caller first.
	 * @param error the text to speak
	 * @return the reply
	 */
	public static AssistantRequestReply error(String error) {
		return new AssistantRequestReply(null, null, null, null, null, null, null, null, null, null, error);
	}

}

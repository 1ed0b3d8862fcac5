package io.github.vapiwebhook.cli;

import java.util.List;

import io.github.vapiwebhook.vapiapi.CustomCredential;
import io.github.vapiwebhook.vapiapi.VapiApiClient;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ObjectNode;

/**
 * Keeps the Vapi custom credential in step with {@code vapi.security}: found by its name
 * ({@code vapi.api.credential-name}), updated when it exists, created otherwise, so that
 * running a command again never makes a duplicate.
 */
class CredentialSync {

	/** Stands for the id of a credential that a dry run would create. */
	static final String NEW_CREDENTIAL = "<id of the new credential>";

	private final VapiApiClient api;

	private final Output output;

	CredentialSync(VapiApiClient api, Output output) {
		this.api = api;
		this.output = output;
	}

	/**
	 * Finds the credential and prints what will be done to it, its secret masked.
	 */
	Plan plan(CustomCredential credential) {
		this.output.progress("Looking for the credential '" + credential.name() + "' in Vapi...");
		List<ObjectNode> named = this.api.credentials()
			.stream()
			.filter((existing) -> credential.name().equals(existing.path("name").asString()))
			.filter((existing) -> CustomCredential.PROVIDER.equals(existing.path("provider").asString()))
			.toList();
		String id = named.isEmpty() ? null : named.get(0).path("id").asString();
		if (named.size() > 1) {
			this.output.line("Note: " + named.size() + " credentials are named '" + credential.name() + "'; the first, "
					+ id + ", is used.");
		}
		this.output.line((id != null) ? "Credential '" + credential.name() + "' (" + id + ") will be updated to:"
				: "Credential '" + credential.name() + "' will be created:");
		this.output.json(credential.masked());
		return new Plan(credential, id);
	}

	/**
	 * Creates or updates the credential.
	 * @return its id
	 */
	String apply(Plan plan) {
		if (plan.existingId() != null) {
			this.output.progress("Updating the credential " + plan.existingId() + "...");
			this.api.updateCredential(plan.existingId(), plan.credential());
			return plan.existingId();
		}
		this.output.progress("Creating the credential '" + plan.credential().name() + "'...");
		String id = this.api.createCredential(plan.credential()).path("id").asString();
		this.output.line("Created the credential '" + plan.credential().name() + "': " + id);
		return id;
	}

	/**
	 * What will be done to the credential.
	 *
	 * @param credential the credential's content
	 * @param existingId the id of the credential of that name, or {@code null} when it
	 * will be created
	 */
	record Plan(CustomCredential credential, @Nullable String existingId) {

		String plannedId() {
			return (this.existingId != null) ? this.existingId : NEW_CREDENTIAL;
		}

	}

}

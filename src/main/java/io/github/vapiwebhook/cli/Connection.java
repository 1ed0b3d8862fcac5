package io.github.vapiwebhook.cli;

import java.net.URI;

import io.github.vapiwebhook.vapiapi.CustomCredential;
import io.github.vapiwebhook.vapiapi.VapiApiClient;
import org.jspecify.annotations.Nullable;

/**
 * What {@code connect} and {@code tools sync} start from: the webhook URL, the credential
 * derived from {@code vapi.security}, and the API client. Everything that can be wrong
 * with the options or the configuration is found here, before the first call to Vapi.
 *
 * @param webhook the URL Vapi should post to
 * @param credential the credential, or {@code null} when authentication is off
 * @param api the API client
 * @param credentials finds, creates and updates the credential
 */
record Connection(String webhook, @Nullable CustomCredential credential, VapiApiClient api,
		CredentialSync credentials) {

	static Connection open(CommandServices services, Output output, @Nullable URI url) {
		ServerFacts server = services.server();
		String webhook = server.webhookUrl(url);
		String base = webhook.endsWith(server.webhookPath())
				? webhook.substring(0, webhook.length() - server.webhookPath().length()) : webhook;
		CustomCredential credential = CustomCredential.forServer(server.api().credentialName(), server.security(), base)
			.orElse(null);
		VapiApiClient api = services.clients().client(server.api());
		return new Connection(webhook, credential, api, new CredentialSync(api, output));
	}

	/**
	 * Finds the credential in Vapi and prints what will be done to it.
	 * @return the plan, or {@code null} when authentication is off
	 */
	CredentialSync.@Nullable Plan planCredential() {
		return (this.credential != null) ? this.credentials.plan(this.credential) : null;
	}

}

package io.github.vapiwebhook.cli;

import java.util.function.Function;

import io.github.vapiwebhook.vapiapi.VapiApiClient;
import io.github.vapiwebhook.vapiapi.VapiApiProperties;
import org.jspecify.annotations.Nullable;

/**
 * Makes the Vapi API client, with the key from the VAPI_API_KEY environment variable.
 */
class ApiClients {

	static final String KEY_VARIABLE = "VAPI_API_KEY";

	private final Function<String, @Nullable String> environment;

	ApiClients(Function<String, @Nullable String> environment) {
		this.environment = environment;
	}

	/**
	 * A client for the configured API.
	 * @throws UsageException when VAPI_API_KEY is not set
	 */
	VapiApiClient client(VapiApiProperties properties) {
		String key = this.environment.apply(KEY_VARIABLE);
		if (key == null || key.isBlank()) {
			throw new UsageException(KEY_VARIABLE + " is not set: export the private API key of your Vapi"
					+ " organisation (Dashboard > Organization > API Keys) as " + KEY_VARIABLE);
		}
		return new VapiApiClient(properties, key);
	}

}

package io.github.vapiwebhook.calls;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;

import io.github.vapiwebhook.security.ConstantTimeSecrets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The keys the call API accepts, compared in constant time. With none configured, one is
 * generated and printed once, as for the webhook's secret, so that the API is never open.
 */
final class ApiKeys {

	private static final Logger logger = LoggerFactory.getLogger(ApiKeys.class);

	private final ConstantTimeSecrets keys;

	private final boolean generated;

	ApiKeys(CallsProperties.Api api, SecureRandom random) {
		this.generated = api.keys().isEmpty();
		this.keys = new ConstantTimeSecrets(this.generated ? List.of(generate(random, api.headerName())) : api.keys());
	}

	/**
	 * Whether a request's key is one of the keys.
	 * @param candidate the key the request carried
	 * @return {@code true} when it is accepted
	 */
	boolean matches(String candidate) {
		return this.keys.matches(candidate);
	}

	/**
	 * Whether the key was generated at startup (no key is configured).
	 * @return {@code true} when generated
	 */
	boolean generated() {
		return this.generated;
	}

	private static String generate(SecureRandom random, String headerName) {
		byte[] bytes = new byte[32];
		random.nextBytes(bytes);
		String key = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		// printed once on purpose, the way Spring Boot prints its generated password
		logger.warn(
				"""

						Using generated API key: {}

						No key is configured under vapi.calls.api.keys, so the API (/api/calls, /api/deliveries) accepts only requests \
						carrying this key in the {} header. The key changes at every start: set vapi.calls.api.keys for a \
						lasting one.
						""",
				key, headerName);
		return key;
	}

}

package io.github.vapiwebhook.security;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtTypeValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;
import org.springframework.web.client.RestTemplate;

/**
 * Builds the decoders of JWTs with Spring Security's resource-server pieces: the identity
 * provider's ({@link NimbusJwtDecoder} on its JWK set, found by OpenID discovery on the
 * first request when only the issuer is configured, so that startup never waits for the
 * provider) and the validators every decoder here shares (exp and nbf with the clock
 * skew, typ).
 */
final class TokenDecoders {

	private final Clock clock;

	TokenDecoders(Clock clock) {
		this.clock = clock;
	}

	/**
	 * The decoder of the identity provider's tokens.
	 * @param settings the configuration, with issuer-uri or jwk-set-uri
	 * @return the decoder; it fetches nothing before its first token
	 */
	JwtDecoder identityProvider(SecurityProperties.OAuth2 settings) {
		RestTemplate rest = restTemplate(settings);
		List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
		if (settings.issuerUri() != null) {
			validators.add(new JwtIssuerValidator(settings.issuerUri().toString()));
		}
		validators.add(audience(settings.audiences()));
		if (!settings.scopes().isEmpty()) {
			validators.add(scopes(settings.scopes()));
		}
		OAuth2TokenValidator<Jwt> validator = validator(settings, validators);
		if (settings.jwkSetUri() != null) {
			NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(settings.jwkSetUri().toString())
				.restOperations(rest)
				.jwsAlgorithms((algorithms) -> algorithms.addAll(settings.jwsAlgorithms()))
				.build();
			decoder.setJwtValidator(validator);
			return decoder;
		}
		String issuer = settings.issuerUri().toString();
		// discovery on the first token, retried on the next one while it fails
		return new SupplierJwtDecoder(() -> {
			NimbusJwtDecoder decoder = NimbusJwtDecoder.withIssuerLocation(issuer)
				.restOperations(rest)
				.jwsAlgorithms((algorithms) -> algorithms.addAll(settings.jwsAlgorithms()))
				.build();
			decoder.setJwtValidator(validator);
			return decoder;
		});
	}

	/**
	 * The validators of every token: exp (required) and nbf with the clock skew, typ
	 * absent, {@code JWT} or {@code at+jwt}, then the given ones.
	 * @param settings the configuration, for the clock skew
	 * @param validators the validators of issuer, audience, scope
	 * @return the combined validator
	 */
	OAuth2TokenValidator<Jwt> validator(SecurityProperties.OAuth2 settings,
			List<OAuth2TokenValidator<Jwt>> validators) {
		JwtTimestampValidator timestamps = new JwtTimestampValidator(settings.clockSkew());
		timestamps.setClock(this.clock);
		timestamps.setAllowEmptyExpiryClaim(false);
		JwtTypeValidator type = new JwtTypeValidator("JWT", "at+jwt");
		type.setAllowEmpty(true);
		List<OAuth2TokenValidator<Jwt>> all = new ArrayList<>(List.of(timestamps, type));
		all.addAll(validators);
		return JwtValidators.createDefaultWithValidators(all);
	}

	private static RestTemplate restTemplate(SecurityProperties.OAuth2 settings) {
		SimpleClientHttpRequestFactory requests = new SimpleClientHttpRequestFactory();
		requests.setConnectTimeout(settings.keyFetchTimeout());
		requests.setReadTimeout(settings.keyFetchTimeout());
		return new RestTemplate(requests);
	}

	private static OAuth2TokenValidator<Jwt> audience(List<String> audiences) {
		return (jwt) -> (jwt.getAudience() != null && jwt.getAudience().stream().anyMatch(audiences::contains))
				? OAuth2TokenValidatorResult.success() : failure("The aud claim is not valid");
	}

	private static OAuth2TokenValidator<Jwt> scopes(List<String> required) {
		return (jwt) -> granted(jwt).containsAll(required) ? OAuth2TokenValidatorResult.success()
				: failure("The token lacks a required scope");
	}

	private static Set<String> granted(Jwt jwt) {
		Set<String> scopes = new HashSet<>();
		for (String claim : List.of("scope", "scp")) {
			Object value = jwt.getClaims().get(claim);
			if (value instanceof String text) {
				scopes.addAll(List.of(text.trim().split("\\s+")));
			}
			else if (value instanceof Iterable<?> values) {
				values.forEach((scope) -> scopes.add(String.valueOf(scope)));
			}
		}
		return scopes;
	}

	private static OAuth2TokenValidatorResult failure(String description) {
		return OAuth2TokenValidatorResult.failure(new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, description, null));
	}

}

package io.github.vapiwebhook.security;

import java.net.MalformedURLException;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.jwk.source.RateLimitReachedException;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;

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
 * provider's ({@link NimbusJwtDecoder} on its JWK set through Nimbus' cached,
 * rate-limited JWK source, the set found by OpenID discovery on the first request when
 * only the issuer is configured, so that startup never waits for the provider) and the
 * validators every decoder here shares (exp and nbf with the clock skew, typ).
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
			return jwkSetDecoder(settings.jwkSetUri(), settings, validator);
		}
		String issuer = settings.issuerUri().toString();
		RestTemplate rest = restTemplate(settings);
		// discovery on the first token, retried on the next one while it fails
		return new SupplierJwtDecoder(() -> jwkSetDecoder(discoverJwkSetUri(rest, issuer), settings, validator));
	}

	/**
	 * The decoder over a JWK set, kept by Nimbus' JWK source: cached, refetched for an
	 * unknown key id at most twice per key-refresh-min-interval (a token whose key id is
	 * still unknown is refused at once, without a fetch), and outage tolerant (the last
	 * set fetched keeps serving while the provider is down).
	 */
	private static JwtDecoder jwkSetDecoder(URI jwkSetUri, SecurityProperties.OAuth2 settings,
			OAuth2TokenValidator<Jwt> validator) {
		int timeout = (int) Math.min(Integer.MAX_VALUE, settings.keyFetchTimeout().toMillis());
		long interval = settings.keyRefreshMinInterval().toMillis();
		long timeToLive = Math.max(JWKSourceBuilder.DEFAULT_CACHE_TIME_TO_LIVE, 2 * interval);
		JWKSource<SecurityContext> source;
		try {
			source = JWKSourceBuilder
				.<SecurityContext>create(jwkSetUri.toURL(),
						new DefaultResourceRetriever(timeout, timeout, JWKSourceBuilder.DEFAULT_HTTP_SIZE_LIMIT))
				.cache(timeToLive, 2L * timeout)
				.rateLimited(interval)
				.outageTolerant(10 * timeToLive)
				.build();
		}
		catch (MalformedURLException ex) {
			throw new IllegalArgumentException("Not a URL: " + jwkSetUri, ex);
		}
		NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSource(refusingWhileRateLimited(source))
			.jwsAlgorithms((algorithms) -> algorithms.addAll(settings.jwsAlgorithms()))
			.build();
		decoder.setJwtValidator(validator);
		return decoder;
	}

	/**
	 * A key id still unknown while the refresh is rate limited finds no key: the token is
	 * refused as a bad token (not as keys unavailable, which would page whoever watches
	 * that reason when someone floods the server with made-up key ids).
	 */
	private static JWKSource<SecurityContext> refusingWhileRateLimited(JWKSource<SecurityContext> source) {
		return (selector, context) -> {
			try {
				return source.get(selector, context);
			}
			catch (RateLimitReachedException ex) {
				return List.of();
			}
		};
	}

	/**
	 * Finds the JWK set URL of an issuer by OpenID discovery, then by RFC 8414 (the
	 * locations Spring Security's issuer-location decoder tries), checking that the
	 * document names the configured issuer.
	 */
	private static URI discoverJwkSetUri(RestTemplate rest, String issuer) {
		URI base = URI.create(issuer);
		String path = (base.getRawPath() != null) ? base.getRawPath().replaceAll("/+$", "") : "";
		List<URI> locations = List.of(URI.create(issuer.replaceAll("/+$", "") + "/.well-known/openid-configuration"),
				base.resolve("/.well-known/oauth-authorization-server" + path));
		RuntimeException failure = null;
		for (URI location : locations) {
			try {
				Map<?, ?> metadata = rest.getForObject(location, Map.class);
				if (metadata == null || !issuer.equals(metadata.get("issuer"))
						|| !(metadata.get("jwks_uri") instanceof String jwks)) {
					throw new IllegalStateException("The provider configuration at " + location
							+ " does not name issuer " + issuer + " with a jwks_uri");
				}
				return URI.create(jwks);
			}
			catch (RuntimeException ex) {
				failure = ex;
			}
		}
		throw failure;
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

	/**
	 * The validator that requires every one of the scopes.
	 * @param required the scopes
	 * @return the validator
	 */
	static OAuth2TokenValidator<Jwt> scopes(List<String> required) {
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

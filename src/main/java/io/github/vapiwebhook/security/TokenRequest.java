package io.github.vapiwebhook.security;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import io.github.vapiwebhook.webhook.BodyObserver;
import io.github.vapiwebhook.webhook.BodyRejectedException;
import io.github.vapiwebhook.webhook.ReceivedBody;
import io.github.vapiwebhook.webhook.RequestBodyReader;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;

/**
 * A client-credentials token request (RFC 6749 section 4.4), read from a form-encoded
 * body of bounded size, with the client's credentials from HTTP Basic
 * (client_secret_basic) or from the form (client_secret_post), never both.
 *
 * @param grantType the grant_type parameter
 * @param clientId the client id
 * @param clientSecret the client secret
 * @param scope the requested scope, or {@code null}
 */
record TokenRequest(String grantType, String clientId, String clientSecret, @Nullable String scope) {

	private static final String BASIC = "basic ";

	/**
	 * Reads the request, its body through the webhook's body reader (the whole body
	 * within vapi.webhook.body.timeout, a limited number of slow senders at once).
	 * @param request the HTTP request
	 * @param reader reads the body
	 * @param maxSize the most body bytes accepted
	 * @return the token request
	 * @throws TokenRequestException when it is malformed, too large or carries no client
	 * credentials
	 * @throws BodyRejectedException when the body is too slow or the server is reading
	 * too many bodies
	 * @throws IOException when the body cannot be read
	 */
	static TokenRequest read(HttpServletRequest request, RequestBodyReader reader, int maxSize) throws IOException {
		if (!isForm(request.getContentType()) || request.getContentLengthLong() > maxSize) {
			throw TokenRequestException.invalidRequest();
		}
		String text;
		try (ReceivedBody body = reader.read(request, BodyObserver.NONE)) {
			if (body.bytes().length > maxSize) {
				throw TokenRequestException.invalidRequest();
			}
			text = new String(body.bytes(), StandardCharsets.US_ASCII);
		}
		Map<String, String> form = parse(text);
		String grantType = form.get("grant_type");
		if (grantType == null) {
			throw TokenRequestException.invalidRequest();
		}
		String authorization = request.getHeader("Authorization");
		String[] credentials;
		if (authorization != null) {
			if (form.containsKey("client_secret")) {
				throw TokenRequestException.invalidRequest();
			}
			credentials = basic(authorization);
			// a form client_id beside Basic must name the same client
			String formClientId = form.get("client_id");
			if (formClientId != null && !formClientId.equals(credentials[0])) {
				throw TokenRequestException.invalidRequest();
			}
		}
		else {
			credentials = new String[] { form.get("client_id"), form.get("client_secret") };
		}
		if (credentials[0] == null || credentials[1] == null) {
			throw TokenRequestException.invalidClient();
		}
		return new TokenRequest(grantType, credentials[0], credentials[1], form.get("scope"));
	}

	/**
	 * Whether the content type is application/x-www-form-urlencoded itself, with no
	 * parameter but an optional charset (wildcards such as application/* are not).
	 */
	private static boolean isForm(@Nullable String contentType) {
		try {
			if (contentType == null) {
				return false;
			}
			MediaType type = MediaType.parseMediaType(contentType);
			return MediaType.APPLICATION_FORM_URLENCODED.equalsTypeAndSubtype(type)
					&& type.getParameters().keySet().stream().allMatch("charset"::equalsIgnoreCase);
		}
		catch (InvalidMediaTypeException ex) {
			return false;
		}
	}

	private static Map<String, String> parse(String body) {
		Map<String, String> form = new HashMap<>();
		Set<String> names = new HashSet<>();
		for (String pair : body.split("&")) {
			if (pair.isEmpty()) {
				continue;
			}
			int equals = pair.indexOf('=');
			String name = decode((equals < 0) ? pair : pair.substring(0, equals));
			String value = (equals < 0) ? "" : decode(pair.substring(equals + 1));
			// RFC 6749 3.1: a parameter sent more than once makes the request invalid,
			// even when one of them is empty
			if (!names.add(name)) {
				throw TokenRequestException.invalidRequest();
			}
			// parameters without a value are treated as omitted
			if (!value.isEmpty()) {
				form.put(name, value);
			}
		}
		return form;
	}

	private static String[] basic(String authorization) {
		if (!authorization.regionMatches(true, 0, BASIC, 0, BASIC.length())) {
			throw TokenRequestException.invalidClient();
		}
		String decoded;
		try {
			decoded = new String(Base64.getDecoder().decode(authorization.substring(BASIC.length()).trim()),
					StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			throw TokenRequestException.invalidClient();
		}
		int colon = decoded.indexOf(':');
		if (colon < 0) {
			throw TokenRequestException.invalidClient();
		}
		// RFC 6749 2.3.1: id and secret are form-encoded before they are joined
		return new String[] { decode(decoded.substring(0, colon)), decode(decoded.substring(colon + 1)) };
	}

	private static String decode(String text) {
		try {
			return URLDecoder.decode(text, StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			throw TokenRequestException.invalidRequest();
		}
	}

	@Override
	public String toString() {
		return "TokenRequest[grantType=" + this.grantType + ", clientId=" + this.clientId + "]";
	}

}

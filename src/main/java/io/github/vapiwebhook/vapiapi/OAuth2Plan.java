package io.github.vapiwebhook.vapiapi;

/**
 * Vapi's {@code OAuth2AuthenticationPlan}: Vapi runs the client-credentials grant against
 * the token endpoint and sends the access token as a bearer token.
 *
 * @param type always {@code oauth2}
 * @param url the token endpoint
 * @param clientId the client id
 * @param clientSecret the client secret
 */
public record OAuth2Plan(String type, String url, String clientId, String clientSecret) implements AuthenticationPlan {

	@Override
	public OAuth2Plan masked() {
		return new OAuth2Plan(this.type, this.url, this.clientId, CustomCredential.MASK);
	}

	@Override
	public String toString() {
		return "OAuth2Plan[url=" + this.url + ", clientId=" + this.clientId + "]";
	}

}

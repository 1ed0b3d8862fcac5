package io.github.vapiwebhook.vapiapi;

/**
 * Vapi's {@code BearerAuthenticationPlan}: the token in a header, with or without the
 * {@code Bearer } prefix. With header {@code X-Vapi-Secret} and no prefix it is Vapi's
 * legacy shared secret.
 *
 * @param type always {@code bearer}
 * @param token the token
 * @param headerName the header carrying it
 * @param bearerPrefixEnabled whether {@code Bearer } goes before the token
 */
public record BearerPlan(String type, String token, String headerName,
		boolean bearerPrefixEnabled) implements AuthenticationPlan {

	BearerPlan(String token, String headerName, boolean bearerPrefixEnabled) {
		this("bearer", token, headerName, bearerPrefixEnabled);
	}

	@Override
	public BearerPlan masked() {
		return new BearerPlan(this.type, CustomCredential.MASK, this.headerName, this.bearerPrefixEnabled);
	}

	@Override
	public String toString() {
		return "BearerPlan[headerName=" + this.headerName + "]";
	}

}

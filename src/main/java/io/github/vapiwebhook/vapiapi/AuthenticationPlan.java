package io.github.vapiwebhook.vapiapi;

/**
 * The {@code authenticationPlan} of a Vapi custom credential: how Vapi authenticates its
 * requests to the webhook.
 */
public sealed interface AuthenticationPlan permits BearerPlan, HmacPlan, OAuth2Plan {

	/**
	 * The same plan with its secret replaced by asterisks, for printing.
	 * @return the masked plan
	 */
	AuthenticationPlan masked();

}

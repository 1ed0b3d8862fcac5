package io.github.vapiwebhook.vapiapi;

import java.util.Map;
import java.util.Optional;

import io.github.vapiwebhook.security.SecurityProperties;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class CustomCredentialTests {

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void hmacSecretBecomesAnHmacPlanFieldForField() {
		SecurityProperties security = security(Map.of("vapi.security.hmac.secrets[0]", "current",
				"vapi.security.hmac.secrets[1]", "previous", "vapi.security.hmac.algorithm", "sha512",
				"vapi.security.hmac.signature-header", "x-sig", "vapi.security.hmac.signature-prefix", "v1=",
				"vapi.security.hmac.payload-format", "{svix-id}.{timestamp}.{body}",
				"vapi.security.hmac.message-id-header", "svix-id", "vapi.security.hmac.signature-encoding", "base64"));

		CustomCredential credential = forServer(security).orElseThrow();

		assertThat(credential.provider()).isEqualTo("custom-credential");
		assertThat(credential.name()).isEqualTo("srv");
		assertThat(credential.authenticationPlan()).isEqualTo(new HmacPlan("hmac", "current", "sha512", "x-sig",
				"x-timestamp", "v1=", true, "{svix-id}.{timestamp}.{body}", "svix-id", "base64", false));
	}

	@Test
	void defaultHmacSettingsGiveVapisDefaultPlanWithoutEmptyFields() {
		CustomCredential credential = forServer(security(Map.of("vapi.security.hmac.secrets", "k"))).orElseThrow();

		assertThat(this.json.valueToTree(credential.authenticationPlan()).toString()).isEqualTo(
				"{\"type\":\"hmac\",\"secretKey\":\"k\",\"algorithm\":\"sha256\",\"signatureHeader\":\"x-signature\","
						+ "\"timestampHeader\":\"x-timestamp\",\"includeTimestamp\":true,\"payloadFormat\":\"{timestamp}.{body}\","
						+ "\"signatureEncoding\":\"hex\",\"secretIsBase64\":false}");
	}

	@Test
	void bearerTokenBecomesABearerPlanWithThePrefix() {
		CustomCredential credential = forServer(
				security(Map.of("vapi.security.bearer.tokens", "tok", "vapi.security.bearer.header-name", "X-Auth")))
			.orElseThrow();

		assertThat(credential.authenticationPlan()).isEqualTo(new BearerPlan("tok", "X-Auth", true));
	}

	@Test
	void sharedSecretBecomesABearerPlanOnXVapiSecretWithoutThePrefix() {
		CustomCredential credential = forServer(security(Map.of("vapi.security.shared-secret.secrets", "plain")))
			.orElseThrow();

		assertThat(credential.authenticationPlan()).isEqualTo(new BearerPlan("plain", "X-Vapi-Secret", false));
	}

	@Test
	void ownTokenEndpointBecomesAnOAuth2PlanUnderThePublicUrl() {
		CustomCredential credential = forServer(security(Map.of("vapi.security.oauth2.token-endpoint.client-id", "vapi",
				"vapi.security.oauth2.token-endpoint.client-secrets[0]", "client-secret-1",
				"vapi.security.oauth2.token-endpoint.client-secrets[1]", "client-secret-0",
				"vapi.security.oauth2.token-endpoint.signing-secret", "0123456789abcdef0123456789abcdef-signing")))
			.orElseThrow();

		assertThat(credential.authenticationPlan())
			.isEqualTo(new OAuth2Plan("oauth2", "https://srv.example/vapi/oauth/token", "vapi", "client-secret-1"));
		assertThat(this.json.writeValueAsString(credential.masked())).doesNotContain("client-secret-1")
			.doesNotContain("signing");
	}

	@Test
	void identityProviderTokensAreRefusedWithAClearMessage() {
		SecurityProperties security = security(Map.of("vapi.security.oauth2.issuer-uri", "https://idp.example/realm",
				"vapi.security.oauth2.audiences", "vapi-webhook"));

		assertThatExceptionOfType(NoCredentialPlanException.class).isThrownBy(() -> forServer(security))
			.withMessageContaining("identity provider")
			.withMessageContaining("create the oauth2 credential in Vapi yourself");
	}

	@Test
	void hmacIsPreferredWhenSeveralSchemesAreConfigured() {
		CustomCredential credential = forServer(
				security(Map.of("vapi.security.shared-secret.secrets", "plain", "vapi.security.hmac.secrets", "k")))
			.orElseThrow();

		assertThat(credential.authenticationPlan()).isInstanceOf(HmacPlan.class);
	}

	@Test
	void noCredentialWhenAuthenticationIsOff() {
		assertThat(forServer(security(Map.of("vapi.security.mode", "none")))).isEmpty();
	}

	@Test
	void ipAllowlistAloneIsRefusedWithAClearMessage() {
		SecurityProperties security = security(Map.of("vapi.security.ip-allowlist.cidrs", "167.150.224.0/23"));

		assertThatExceptionOfType(NoCredentialPlanException.class).isThrownBy(() -> forServer(security))
			.withMessageContaining("No secret is configured under vapi.security")
			.withMessageContaining("IP allowlist alone cannot be expressed")
			.withMessageContaining("vapi.security.hmac.secrets");
	}

	@Test
	void maskedCredentialHidesTheSecretOnly() {
		CustomCredential credential = forServer(security(Map.of("vapi.security.hmac.secrets", "very-secret")))
			.orElseThrow();

		String printed = this.json.writeValueAsString(credential.masked());

		assertThat(printed).doesNotContain("very-secret").contains("\"secretKey\":\"********\"").contains("sha256");
		assertThat(credential.toString()).doesNotContain("very-secret");
		assertThat(new BearerPlan("tok", "Authorization", true).masked().token()).isEqualTo("********");
	}

	private static Optional<CustomCredential> forServer(SecurityProperties security) {
		return CustomCredential.forServer("srv", security, "https://srv.example");
	}

	private static SecurityProperties security(Map<String, String> properties) {
		return new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate("vapi.security",
				SecurityProperties.class);
	}

}

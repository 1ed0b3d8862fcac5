package io.github.vapiwebhook.security;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.vapiwebhook.storage.StorageAutoConfiguration;
import io.github.vapiwebhook.testing.TestDatabases;
import io.github.vapiwebhook.webhook.ProblemResponses;
import io.github.vapiwebhook.webhook.RequestBodyReader;
import io.github.vapiwebhook.webhook.WebhookFilterOrder;
import io.github.vapiwebhook.webhook.WebhookProperties;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(OutputCaptureExtension.class)
class WebhookSecurityAutoConfigurationTests {

	private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
		.withUserConfiguration(Infrastructure.class)
		.withConfiguration(AutoConfigurations.of(WebhookSecurityAutoConfiguration.class));

	@Test
	void failsOnUnknownAlgorithmNamingTheProperty() {
		assertFailsNaming("vapi.security.hmac.algorithm", "vapi.security.hmac.secrets=s",
				"vapi.security.hmac.algorithm=md5");
	}

	@Test
	void failsOnBase64SecretThatDoesNotDecodeNamingTheProperty() {
		assertFailsNaming("vapi.security.hmac.secret-is-base64", "vapi.security.hmac.secrets=not*base64!",
				"vapi.security.hmac.secret-is-base64=true");
	}

	@Test
	void failsOnPayloadFormatWithoutBodyNamingTheProperty() {
		assertFailsNaming("vapi.security.hmac.payload-format", "vapi.security.hmac.secrets=s",
				"vapi.security.hmac.payload-format={timestamp}");
	}

	@Test
	void failsOnUnknownPlaceholderNamingTheProperty() {
		assertFailsNaming("vapi.security.hmac.payload-format", "vapi.security.hmac.secrets=s",
				"vapi.security.hmac.payload-format={timestamp}.{bdy}.{body}");
	}

	@Test
	void failsOnSvixIdWithoutMessageIdHeader() {
		assertFailsNaming("vapi.security.hmac.message-id-header", "vapi.security.hmac.secrets=s",
				"vapi.security.hmac.payload-format={svix-id}.{timestamp}.{body}");
	}

	@Test
	void failsOnInvalidAllowlistEntryNamingTheProperty() {
		assertFailsNaming("vapi.security.ip-allowlist.cidrs", "vapi.security.ip-allowlist.cidrs=vapi.ai");
	}

	@Test
	void failsOnRelativePublicBaseUrlNamingTheProperty() {
		assertFailsNaming("vapi.security.public-base-url", "vapi.security.public-base-url=/vapi");
	}

	@Test
	void failsOnUnknownModeNamingTheProperty() {
		assertFailsNaming("vapi.security.mode", "vapi.security.mode=maybe");
	}

	@Test
	void failsOnIdentityProviderWithoutAudienceNamingTheProperty() {
		assertFailsNaming("vapi.security.oauth2.audiences",
				"vapi.security.oauth2.issuer-uri=https://idp.example.test/realms/vapi");
	}

	@Test
	void failsOnRelativeJwkSetUriNamingTheProperty() {
		assertFailsNaming("vapi.security.oauth2.jwk-set-uri", "vapi.security.oauth2.jwk-set-uri=/certs",
				"vapi.security.oauth2.audiences=vapi-webhook");
	}

	@Test
	void failsOnScopesWithoutIdentityProviderNamingTheProperty() {
		assertFailsNaming("vapi.security.oauth2.issuer-uri", "vapi.security.oauth2.scopes=vapi.webhook");
	}

	@Test
	void failsOnUnknownJwsAlgorithmNamingTheProperty() {
		assertFailsNaming("vapi.security.oauth2.jws-algorithms",
				"vapi.security.oauth2.issuer-uri=https://idp.example.test", "vapi.security.oauth2.audiences=a",
				"vapi.security.oauth2.jws-algorithms=HS256");
	}

	@Test
	void failsOnShortSigningSecretNamingTheProperty() {
		assertFailsNaming("vapi.security.oauth2.token-endpoint.signing-secret",
				"vapi.security.oauth2.token-endpoint.client-id=vapi",
				"vapi.security.oauth2.token-endpoint.client-secrets=client-secret",
				"vapi.security.oauth2.token-endpoint.signing-secret=short");
	}

	@Test
	void failsOnTokenEndpointWithoutClientSecretNamingTheProperty() {
		assertFailsNaming("vapi.security.oauth2.token-endpoint.client-secrets",
				"vapi.security.oauth2.token-endpoint.client-id=vapi",
				"vapi.security.oauth2.token-endpoint.signing-secret=0123456789abcdef0123456789abcdef");
	}

	@Test
	void failsOnClientSecretWithoutClientIdNamingTheProperty() {
		assertFailsNaming("vapi.security.oauth2.token-endpoint.client-id",
				"vapi.security.oauth2.token-endpoint.client-secrets=client-secret");
	}

	@Test
	void failsOnTokenEndpointAtTheWebhookPath() {
		assertFailsNaming("vapi.security.oauth2.token-endpoint.path",
				"vapi.security.oauth2.token-endpoint.client-id=vapi",
				"vapi.security.oauth2.token-endpoint.client-secrets=client-secret",
				"vapi.security.oauth2.token-endpoint.signing-secret=0123456789abcdef0123456789abcdef",
				"vapi.security.oauth2.token-endpoint.path=/vapi/webhook");
	}

	@Test
	void servesNoTokenEndpointUnlessAClientIsConfigured() {
		this.runner.withPropertyValues("vapi.security.bearer.tokens=t")
			.run((context) -> assertThat(context).doesNotHaveBean(ServletRegistrationBean.class));
	}

	@Test
	void generatesSecretPrintsItOnceAndAcceptsOnlyIt(CapturedOutput output) {
		this.runner.run((context) -> {
			assertThat(context).hasNotFailed();
			Matcher matcher = Pattern.compile("Using generated webhook secret: (\\S+)").matcher(output.getOut());
			assertThat(matcher.find()).isTrue();
			String secret = matcher.group(1);
			assertThat(matcher.find()).isFalse();
			assertThat(output.getOut()).contains("X-Vapi-Secret").contains("Bearer prefix disabled");
			WebhookAuthenticator authenticator = context.getBean(WebhookAuthenticator.class);
			assertThat(authenticator.authenticate(request("X-Vapi-Secret", secret))).isEqualTo(Verdict.ACCEPTED);
			assertThat(authenticator.authenticate(request("X-Vapi-Secret", "guess")))
				.isEqualTo(new Verdict.Refused(RejectionReason.BAD_CREDENTIAL));
			assertThat(context.getBean(AuthenticationStatus.class).health().getDetails())
				.containsEntry("generatedSecret", true);
		});
	}

	@Test
	void doesNotGenerateSecretWhenOneIsConfigured(CapturedOutput output) {
		this.runner.withPropertyValues("vapi.security.bearer.tokens=t").run((context) -> {
			assertThat(output.getOut()).doesNotContain("generated webhook secret");
			assertThat(context.getBean(AuthenticationStatus.class).health().getDetails())
				.containsEntry("generatedSecret", false)
				.containsEntry("schemes", java.util.List.of("bearer"));
		});
	}

	@Test
	void registersTheFilterOnTheWebhookPathBeforeTheBodyFilter() {
		this.runner.withPropertyValues("vapi.security.shared-secret.secrets=s", "vapi.webhook.path=/hooks/vapi")
			.run((context) -> {
				FilterRegistrationBean<?> registration = context.getBean(FilterRegistrationBean.class);
				assertThat(registration.getUrlPatterns()).containsExactly("/hooks/vapi");
				assertThat(registration.getOrder()).isEqualTo(WebhookFilterOrder.AUTHENTICATION.order())
					.isLessThan(WebhookFilterOrder.BODY.order());
			});
	}

	@Test
	void modeNoneRegistersNoFilterWarnsAndShowsItInHealth(CapturedOutput output) {
		this.runner.withPropertyValues("vapi.security.mode=none").run((context) -> {
			assertThat(context).doesNotHaveBean(FilterRegistrationBean.class)
				.doesNotHaveBean(WebhookAuthenticator.class);
			assertThat(output.getOut()).contains("Webhook authentication is DISABLED");
			assertThat(context.getBean(AuthenticationStatus.class).health().getDetails()).containsEntry("mode", "none")
				.containsKey("warning");
		});
	}

	@Test
	void statusNeverContainsSecrets() {
		this.runner.withPropertyValues("vapi.security.shared-secret.secrets=very-secret-value").run((context) -> {
			AuthenticationStatus status = context.getBean(AuthenticationStatus.class);
			assertThat(status.health().getDetails().toString()).doesNotContain("very-secret-value");
			assertThat(context.getBean(SecurityProperties.class).toString()).doesNotContain("very-secret-value");
		});
	}

	@Test
	void keepsMessageIdsInMemoryWithoutADatabase() {
		this.runner.run((context) -> {
			assertThat(context).hasSingleBean(MessageIdCache.class);
			assertThat(context).hasSingleBean(InMemoryMessageIdCache.class);
		});
	}

	@Test
	void keepsMessageIdsInTheDatabaseWhereTheServersTablesAre() {
		withDatabase(this.runner).run((context) -> {
			assertThat(context).hasSingleBean(MessageIdCache.class);
			assertThat(context).hasSingleBean(JdbcMessageIdCache.class);
			assertThat(context).hasBean("messageIdCleanup");
		});
	}

	@Test
	void ownMessageIdCacheReplacesTheBuiltInOnes() {
		MessageIdCache own = new InMemoryMessageIdCache(1);
		withDatabase(this.runner).withBean(MessageIdCache.class, () -> own).run((context) -> {
			assertThat(context).hasSingleBean(MessageIdCache.class);
			assertThat(context.getBean(MessageIdCache.class)).isSameAs(own);
			assertThat(context).doesNotHaveBean("messageIdCleanup");
		});
	}

	private static WebApplicationContextRunner withDatabase(WebApplicationContextRunner runner) {
		return runner
			.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, StorageAutoConfiguration.class))
			.withPropertyValues("spring.datasource.url=" + TestDatabases.newDatabase("h2"),
					"spring.datasource.username=sa");
	}

	private void assertFailsNaming(String property, String... properties) {
		this.runner.withPropertyValues(properties).run((context) -> {
			assertThat(context).hasFailed();
			StringBuilder messages = new StringBuilder();
			for (Throwable cause = context.getStartupFailure(); cause != null; cause = cause.getCause()) {
				messages.append(cause.getMessage()).append('\n');
			}
			assertThat(messages).contains(property);
		});
	}

	private static VerificationRequest request(String header, String value) {
		return new VerificationRequest("POST", "http://localhost/vapi/webhook", Map.of(header, value), null);
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(WebhookProperties.class)
	static class Infrastructure {

		@Bean
		ProblemResponses problemResponses() {
			return new ProblemResponses(JsonMapper.builder().build());
		}

		@Bean
		MeterRegistry meterRegistry() {
			return new SimpleMeterRegistry();
		}

		@Bean
		RequestBodyReader requestBodyReader(WebhookProperties properties, MeterRegistry meters) {
			return new RequestBodyReader(properties, false, meters);
		}

	}

}

package io.github.vapiwebhook.simulate;

import java.net.URI;
import java.util.Map;
import java.util.stream.Stream;

import io.github.vapiwebhook.security.WebhookSigner;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The options that say how requests are signed, shared by simulate and replay. At most
 * one scheme may be given; without any, the server's own configuration decides (when the
 * command runs inside the server), else requests go unsigned.
 */
final class SigningOptions {

	@Spec(Spec.Target.MIXEE)
	private CommandSpec spec;

	@Option(names = "--hmac-secret", paramLabel = "SECRET",
			description = "Sign with Vapi's default HMAC plan (sha256, hex, x-signature over {timestamp}.{body}, x-timestamp).")
	private @Nullable String hmacSecret;

	@Option(names = "--bearer-token", paramLabel = "TOKEN",
			description = "Send Authorization: Bearer TOKEN, as a Vapi bearer credential does.")
	private @Nullable String bearerToken;

	@Option(names = "--secret", paramLabel = "SECRET",
			description = "Send the legacy shared secret in the header named by --secret-header.")
	private @Nullable String secret;

	@Option(names = "--secret-header", paramLabel = "NAME", defaultValue = "X-Vapi-Secret",
			description = "The header of --secret (default: ${DEFAULT-VALUE}).")
	private String secretHeader = "X-Vapi-Secret";

	/**
	 * The signing to use.
	 * @param url the webhook URL
	 * @param defaults the server's own configuration
	 * @return the signing from the options, else the server's
	 */
	RequestSigning signing(URI url, SimulationDefaults defaults) {
		long given = Stream.of(this.hmacSecret, this.bearerToken, this.secret).filter((value) -> value != null).count();
		if (given > 1) {
			throw new ParameterException(this.spec.commandLine(),
					"Give at most one of --hmac-secret, --bearer-token and --secret");
		}
		if (this.hmacSecret != null) {
			WebhookSigner signer = WebhookSigner.hmac(this.hmacSecret);
			return signer::headersFor;
		}
		if (this.bearerToken != null) {
			String header = "Bearer " + this.bearerToken;
			return (body, now) -> Map.of("Authorization", header);
		}
		if (this.secret != null) {
			String value = this.secret;
			String header = this.secretHeader;
			return (body, now) -> Map.of(header, value);
		}
		return defaults.signing(url);
	}

}

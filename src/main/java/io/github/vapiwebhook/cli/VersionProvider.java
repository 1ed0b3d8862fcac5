package io.github.vapiwebhook.cli;

import picocli.CommandLine.IVersionProvider;

/**
 * The version of the jar, for {@code --version}.
 */
class VersionProvider implements IVersionProvider {

	@Override
	public String[] getVersion() {
		String version = VersionProvider.class.getPackage().getImplementationVersion();
		return new String[] { "vapi-webhook-server " + ((version != null) ? version : "(development build)") };
	}

}

package io.github.vapiwebhook.simulate;

import java.net.URI;
import java.util.List;

import tools.jackson.databind.JsonNode;

/**
 * What the simulate and replay commands take from the server's own configuration when
 * they run inside it: how to sign requests and which tools exist. Options on the command
 * line win; a standalone run against any server uses {@link #NONE} and the options.
 */
public interface SimulationDefaults {

	/** No signing and no tools: everything comes from the options. */
	SimulationDefaults NONE = new SimulationDefaults() {

		@Override
		public RequestSigning signing(URI url) {
			return RequestSigning.NONE;
		}

		@Override
		public List<JsonNode> tools() {
			return List.of();
		}

	};

	/**
	 * How requests to a URL are signed, for example
	 * {@link RequestSigning#of(io.github.vapiwebhook.security.SecurityProperties, URI)}.
	 * @param url the webhook URL
	 * @return the signing
	 */
	RequestSigning signing(URI url);

	/**
	 * The tool definitions, each as GET /actuator/vapitools lists it:
	 * {"type":"function","function":{"name","description","parameters"}}.
	 * @return the definitions
	 */
	List<JsonNode> tools();

}

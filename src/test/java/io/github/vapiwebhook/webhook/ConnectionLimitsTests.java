package io.github.vapiwebhook.webhook;

import org.apache.coyote.http11.AbstractHttp11Protocol;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The connection settings of the embedded defaults reach Tomcat (a misspelt key would be
 * ignored without a word).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ConnectionLimitsTests {

	@Autowired
	WebServerApplicationContext context;

	@Test
	void tomcatRunsWithTheLimitsChosenForUntrustedSenders() {
		TomcatWebServer server = (TomcatWebServer) this.context.getWebServer();
		AbstractHttp11Protocol<?> protocol = (AbstractHttp11Protocol<?>) server.getTomcat()
			.getConnector()
			.getProtocolHandler();
		assertThat(protocol.getConnectionTimeout()).isEqualTo(5000);
		assertThat(protocol.getKeepAliveTimeout()).isEqualTo(15000);
		assertThat(protocol.getMaxConnections()).isEqualTo(1000);
		assertThat(protocol.getMaxSwallowSize()).isZero();
		assertThat(protocol.getMaxKeepAliveRequests()).isEqualTo(10000);
	}

}

package io.github.vapiwebhook.security;

import java.net.InetAddress;
import java.net.URI;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;

class RequestOriginTests {

	private final RequestOrigin behindProxy = new RequestOrigin(List.of(Cidr.parse("10.0.0.0/8", "p")), null);

	@Test
	void usesTheRequestUrlWithoutProxies() {
		MockHttpServletRequest request = request("203.0.113.9");
		request.addHeader("X-Forwarded-Host", "attacker.example");
		assertThat(this.behindProxy.publicUrl(request)).isEqualTo("http://localhost:8080/vapi/webhook?a=1");
	}

	@Test
	void rebuildsThePublicUrlFromForwardedHeadersOfTrustedProxies() {
		MockHttpServletRequest request = request("10.1.2.3");
		request.addHeader("X-Forwarded-Proto", "https");
		request.addHeader("X-Forwarded-Host", "hooks.example.com");
		request.addHeader("X-Forwarded-Port", "443");
		assertThat(this.behindProxy.publicUrl(request)).isEqualTo("https://hooks.example.com/vapi/webhook?a=1");
	}

	@Test
	void keepsANonDefaultForwardedPortAndPrefix() {
		MockHttpServletRequest request = request("10.1.2.3");
		request.addHeader("X-Forwarded-Proto", "https");
		request.addHeader("X-Forwarded-Host", "hooks.example.com");
		request.addHeader("X-Forwarded-Port", "8443");
		request.addHeader("X-Forwarded-Prefix", "/api/");
		assertThat(this.behindProxy.publicUrl(request))
			.isEqualTo("https://hooks.example.com:8443/api/vapi/webhook?a=1");
	}

	@Test
	void prefersTheConfiguredPublicBaseUrl() {
		RequestOrigin configured = new RequestOrigin(List.of(), URI.create("https://abc.ngrok.app/"));
		assertThat(configured.publicUrl(request("127.0.0.1"))).isEqualTo("https://abc.ngrok.app/vapi/webhook?a=1");
	}

	@Test
	void takesTheClientFromForwardedForOnlyBehindTrustedProxies() throws Exception {
		MockHttpServletRequest trusted = request("10.1.2.3");
		trusted.addHeader("X-Forwarded-For", "198.51.100.1, 167.150.224.10, 10.9.9.9");
		assertThat(this.behindProxy.clientAddress(trusted)).isEqualTo(InetAddress.getByName("167.150.224.10"));
		MockHttpServletRequest direct = request("203.0.113.9");
		direct.addHeader("X-Forwarded-For", "167.150.224.10");
		assertThat(this.behindProxy.clientAddress(direct)).isEqualTo(InetAddress.getByName("203.0.113.9"));
	}

	@Test
	void treatsAnUnreadableForwardedForAsUnknownClient() {
		MockHttpServletRequest request = request("10.1.2.3");
		request.addHeader("X-Forwarded-For", "unknown");
		assertThat(this.behindProxy.clientAddress(request)).isNull();
	}

	private static MockHttpServletRequest request(String remoteAddress) {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/vapi/webhook");
		request.setQueryString("a=1");
		request.setServerPort(8080);
		request.setRemoteAddr(remoteAddress);
		return request;
	}

}

package io.github.vapiwebhook.security;

import java.net.InetAddress;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class CidrTests {

	@Test
	void containsAddressesOfVapisStaticRange() throws Exception {
		Cidr vapi = Cidr.parse("167.150.224.0/23", "p");
		assertThat(vapi.contains(InetAddress.getByName("167.150.224.1"))).isTrue();
		assertThat(vapi.contains(InetAddress.getByName("167.150.225.255"))).isTrue();
		assertThat(vapi.contains(InetAddress.getByName("167.150.226.0"))).isFalse();
	}

	@Test
	void singleAddressMatchesOnlyItself() throws Exception {
		Cidr single = Cidr.parse("127.0.0.1", "p");
		assertThat(single.contains(InetAddress.getByName("127.0.0.1"))).isTrue();
		assertThat(single.contains(InetAddress.getByName("127.0.0.2"))).isFalse();
	}

	@Test
	void matchesIpv6Ranges() throws Exception {
		Cidr range = Cidr.parse("2001:db8::/32", "p");
		assertThat(range.contains(InetAddress.getByName("2001:db8:1::5"))).isTrue();
		assertThat(range.contains(InetAddress.getByName("2001:db9::1"))).isFalse();
		assertThat(range.contains(InetAddress.getByName("10.0.0.1"))).isFalse();
	}

	@Test
	void rejectsHostNamesAndBadRangesNamingTheProperty() {
		assertThatIllegalArgumentException().isThrownBy(() -> Cidr.parse("example.com", "vapi.x"))
			.withMessageContaining("vapi.x");
		assertThatIllegalArgumentException().isThrownBy(() -> Cidr.parse("10.0.0.0/33", "vapi.x"))
			.withMessageContaining("vapi.x");
		assertThatIllegalArgumentException().isThrownBy(() -> Cidr.parse("300.0.0.1", "vapi.x"))
			.withMessageContaining("vapi.x");
	}

}
